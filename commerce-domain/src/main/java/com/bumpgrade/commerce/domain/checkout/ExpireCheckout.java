package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * An agent's confirmed request to end an unpaid checkout. Answered as missing when the intent belongs to another
 * publisher, and refused when the expected version is not the current one. The version is deliberately not an
 * Axon {@code @TargetAggregateVersion}: Axon would compare it before the handler checks the publisher, telling
 * an outsider that the intent exists.
 */
public record ExpireCheckout(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                             Long expectedVersion, BillingContext context,
                             Instant requestedAt) {
}
