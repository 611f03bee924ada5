package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

/** A Checkout Session outcome counts only for a checkout awaiting a session, and only for its current attempt. */
final class SessionAttemptPolicy {

    private SessionAttemptPolicy() {
    }

    static void requireAwaitingAttempt(CheckoutStatus status, int failedAttempts, int attempt) {
        if (!status.awaitsSession()) {
            throw new BillingRuleViolation("checkout_not_awaiting_session",
                    "The checkout is " + status.publicName() + " and awaits no Checkout Session.");
        }
        if (attempt != failedAttempts + 1) {
            throw new BillingRuleViolation("stale_session_attempt",
                    "Attempt " + attempt + " is not the current attempt " + (failedAttempts + 1) + ".");
        }
    }
}
