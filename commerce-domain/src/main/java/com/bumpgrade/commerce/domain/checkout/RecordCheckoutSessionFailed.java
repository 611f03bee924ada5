package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Creating the Checkout Session failed for the given attempt. */
public record RecordCheckoutSessionFailed(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, int attempt,
                                          SessionFailure failure, BillingContext context,
                                          Instant failedAt) {
}
