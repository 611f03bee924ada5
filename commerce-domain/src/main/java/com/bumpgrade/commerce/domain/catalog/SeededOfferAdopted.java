package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** A seeded, published offer is now managed by the catalogue, with the price it was seeded with. */
public record SeededOfferAdopted(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, ProductId productId,
                                 String title, OfferRole role, CatalogPrice price, BillingContext context,
                                 Instant at) {
}
