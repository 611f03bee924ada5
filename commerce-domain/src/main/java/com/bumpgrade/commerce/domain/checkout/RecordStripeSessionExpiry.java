package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What Stripe answered when an expired intent's Checkout Session was expired there too (best effort). */
public record RecordStripeSessionExpiry(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId,
                                        PublisherId publisherId, boolean stripeSessionExpired,
                                        BillingContext context, Instant recordedAt) {
}
