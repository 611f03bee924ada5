package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

/**
 * A seeded, published offer is now managed by the catalogue, with the price and order bumps it was seeded with
 * (events stored before order bumps existed have none).
 */
public record SeededOfferAdopted(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, ProductId productId,
                                 String title, OfferRole role, CatalogPrice price, BillingContext context,
                                 Instant at, List<OfferId> orderBumpOfferIds) {
    public SeededOfferAdopted {
        orderBumpOfferIds = orderBumpOfferIds == null ? List.of() : List.copyOf(orderBumpOfferIds);
    }

    /** A seed that lists no order bumps. */
    public SeededOfferAdopted(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, ProductId productId,
                              String title, OfferRole role, CatalogPrice price, BillingContext context, Instant at) {
        this(offerKey, publisherId, offerId, productId, title, role, price, context, at, List.of());
    }
}
