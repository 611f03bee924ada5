package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** A draft offer was created or edited; {@code price} is its one price, which replaces any earlier draft price. */
public record OfferDrafted(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, ProductId productId,
                           String title, OfferRole role, CatalogPrice price, BillingContext context, Instant at) {
}
