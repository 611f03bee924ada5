package com.bumpgrade.commerce.domain.checkout;

/**
 * What {@link StartCheckout} tells its caller: where the intent stands and, when a Checkout Session is still
 * needed, which attempt number the next Stripe call is (each attempt gets its own Stripe idempotency key,
 * because Stripe replays a failed answer for a reused key).
 */
public record CheckoutProgress(CheckoutIntentId checkoutIntentId, CheckoutStatus status, int nextAttempt,
                               boolean created) {
    public boolean needsSession() {
        return status.awaitsSession();
    }
}
