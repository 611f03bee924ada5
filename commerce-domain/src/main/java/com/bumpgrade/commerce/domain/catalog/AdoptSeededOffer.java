package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * An offer seeded by migration (published, with no aggregate) becomes an aggregate at version 0, as it stands,
 * right before the first catalogue write to it, so seeds are archived and mapped like every offer.
 */
public record AdoptSeededOffer(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId,
                               OfferId offerId, ProductId productId, String title, OfferRole role,
                               CatalogPrice price, BillingContext context, Instant at,
                               List<OfferId> orderBumpOfferIds) {
    public AdoptSeededOffer {
        orderBumpOfferIds = orderBumpOfferIds == null ? List.of() : List.copyOf(orderBumpOfferIds);
    }

    /** A seed that lists no order bumps. */
    public AdoptSeededOffer(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, ProductId productId,
                            String title, OfferRole role, CatalogPrice price, BillingContext context, Instant at) {
        this(offerKey, publisherId, offerId, productId, title, role, price, context, at, List.of());
    }
}
