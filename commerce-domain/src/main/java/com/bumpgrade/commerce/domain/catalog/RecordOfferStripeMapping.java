package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The published price now has a Stripe Price (its id is in the private vault, never here). Sent after a publish
 * with a sandbox key, or by the confirmed sync write.
 */
public record RecordOfferStripeMapping(@TargetAggregateIdentifier CatalogKey offerKey, String priceId,
                                       BillingContext context, Instant at) {
}
