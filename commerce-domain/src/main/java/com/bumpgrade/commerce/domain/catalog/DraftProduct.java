package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner: create a product, or edit its title and kind. Not a billing write: nothing is sold until an offer is published. */
public record DraftProduct(@TargetAggregateIdentifier CatalogKey productKey, PublisherId publisherId,
                           ProductId productId, String title, ProductKind kind, BillingContext context, Instant at) {
}
