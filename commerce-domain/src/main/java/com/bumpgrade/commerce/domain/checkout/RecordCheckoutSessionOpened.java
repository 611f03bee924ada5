package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stripe created the Checkout Session for the given attempt; its raw id lives only in the private vault. */
public record RecordCheckoutSessionOpened(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, int attempt,
                                          Instant sessionExpiresAt, BillingContext context,
                                          Instant openedAt) {
}
