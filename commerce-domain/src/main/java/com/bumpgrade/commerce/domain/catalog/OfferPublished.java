package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** The offer is on sale at this price, which can no longer change. */
public record OfferPublished(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, CatalogPrice price,
                             BillingContext context, Instant at) {
}
