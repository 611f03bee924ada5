package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Owner: after a purchase of this main offer, show {@code upsell}, and {@code downsell} if the upsell is declined
 * (both null: no path). The offers are read from the catalogue by the caller and checked by
 * {@link PostPurchasePathPolicy}. Confirmed, stale-state checked.
 */
public record SetPostPurchasePath(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId,
                                  Long expectedVersion, PostPurchaseOffer upsell, PostPurchaseOffer downsell,
                                  String confirmation, BillingContext context, Instant at) {
}
