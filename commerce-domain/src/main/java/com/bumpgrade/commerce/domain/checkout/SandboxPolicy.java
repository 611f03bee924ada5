package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.StripeKeyMode;

import java.util.Optional;

/**
 * Rule 5 of the brief: publisher offers only ever reach Stripe with a sandbox secret. Answers why a confirmed
 * checkout must stay a preview, or empty when Stripe may be called.
 */
public final class SandboxPolicy {
    private SandboxPolicy() {
    }

    /**
     * Bumpgrade's own plans may also use a live key, but only when live plan billing is explicitly enabled.
     */
    public static Optional<String> previewReasonForPlan(StripeKeyMode mode, boolean livePlansEnabled) {
        return switch (mode) {
            case SANDBOX -> Optional.empty();
            case LIVE -> livePlansEnabled ? Optional.empty() : Optional.of("live_plans_disabled");
            case NONE -> Optional.of("sandbox_secret_missing");
        };
    }

    public static Optional<String> previewReasonForPublisherOffer(StripeKeyMode mode) {
        return switch (mode) {
            case SANDBOX -> Optional.empty();
            case LIVE -> Optional.of("live_key_refused");
            case NONE -> Optional.of("sandbox_secret_missing");
        };
    }
}
