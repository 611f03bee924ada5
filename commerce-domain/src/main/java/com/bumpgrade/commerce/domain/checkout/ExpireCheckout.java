package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * An agent's confirmed request to end an unpaid checkout. Refused when the expected version is stale, and
 * answered as missing when the intent belongs to another publisher.
 */
public record ExpireCheckout(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                             @TargetAggregateVersion Long expectedVersion, BillingContext context,
                             Instant requestedAt) {
}
