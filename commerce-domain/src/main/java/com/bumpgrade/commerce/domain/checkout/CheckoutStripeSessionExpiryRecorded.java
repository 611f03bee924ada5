package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/**
 * The outcome of an expiry at Stripe: {@code false} means the session may still be payable until Stripe expires
 * it, and a payment would then be rejected by the intent (it is expired).
 */
public record CheckoutStripeSessionExpiryRecorded(CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                                                  boolean stripeSessionExpired, BillingContext context,
                                                  Instant recordedAt) {
}
