package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * An offer seeded by migration (published, with no aggregate) becomes an aggregate at version 0, as it stands,
 * right before the first catalogue write to it, so seeds are archived and mapped like every offer.
 */
public record AdoptSeededOffer(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId,
                               OfferId offerId, ProductId productId, String title, OfferRole role,
                               CatalogPrice price, BillingContext context, Instant at) {
}
