package com.bumpgrade.commerce.domain.checkout;

/** Why creating a Checkout Session failed, as a category: Stripe's own text never enters the domain. */
public enum SessionFailure {
    TIMEOUT, STRIPE_UNAVAILABLE, STRIPE_REJECTED, RATE_LIMITED, AUTHENTICATION, MALFORMED_RESPONSE
}
