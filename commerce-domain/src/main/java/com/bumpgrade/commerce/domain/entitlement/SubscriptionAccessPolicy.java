package com.bumpgrade.commerce.domain.entitlement;

import java.time.Instant;

/**
 * Stripe Billing subscription status to access. past_due keeps access for a grace period (from the first time
 * past_due was seen), then suspends; canceled and incomplete_expired end it for good. An unknown status
 * suspends: access is never granted on a state Bumpgrade does not understand.
 */
public final class SubscriptionAccessPolicy {
    private SubscriptionAccessPolicy() {
    }

    public static Access accessFor(String stripeStatus, Instant graceUntil, Instant now) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "active", "trialing" -> Access.ACTIVE;
            case "incomplete" -> Access.PENDING;
            case "past_due" -> graceUntil != null && now.isBefore(graceUntil) ? Access.GRACE : Access.SUSPENDED;
            case "canceled", "incomplete_expired" -> Access.ENDED;
            default -> Access.SUSPENDED; // unpaid, paused, or a status this code does not know
        };
    }
}
