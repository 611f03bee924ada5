package com.bumpgrade.commerce.api.stripe;

import com.bumpgrade.commerce.domain.checkout.SessionFailure;

import java.time.Instant;

/** What the adapter tells the rest of the service: no Stripe id, URL or message, only the outcome. */
public sealed interface CheckoutSessionResult {
    record Opened(Instant expiresAt) implements CheckoutSessionResult {
    }

    record Failed(SessionFailure failure) implements CheckoutSessionResult {
    }
}
