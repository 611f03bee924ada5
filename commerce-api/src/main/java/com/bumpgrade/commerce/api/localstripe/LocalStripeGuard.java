package com.bumpgrade.commerce.api.localstripe;

import com.bumpgrade.commerce.api.stripe.StripeProperties;
import com.bumpgrade.commerce.domain.shared.StripeKeyMode;

import java.util.Optional;

/** When the local-stripe profile must not start: anything that could send a call to a real Stripe account. */
final class LocalStripeGuard {
    private LocalStripeGuard() {
    }

    static Optional<String> refusal(StripeProperties stripe, String standInBase) {
        if (stripe.keyMode() == StripeKeyMode.LIVE) {
            return Optional.of("STRIPE_SECRET_KEY is a live key; the stand-in runs with a sandbox key only");
        }
        if (stripe.keyMode() != StripeKeyMode.SANDBOX) {
            return Optional.of("STRIPE_SECRET_KEY must be a sandbox key (sk_test_...)");
        }
        if (!standInBase.equals(stripe.apiBase())) {
            return Optional.of("STRIPE_API_BASE is " + stripe.apiBase() + ", not the stand-in at " + standInBase);
        }
        if (signingSecret(stripe).isEmpty()) {
            return Optional.of("STRIPE_WEBHOOK_SECRET is empty; the stand-in signs its webhooks with it");
        }
        return Optional.empty();
    }

    /** The first listed secret: the current one during a rotation. */
    static String signingSecret(StripeProperties stripe) {
        String secrets = stripe.webhookSecret() == null ? "" : stripe.webhookSecret();
        return secrets.split(",")[0].trim();
    }
}
