package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record OfferArchived(CatalogKey offerKey, PublisherId publisherId, OfferId offerId, BillingContext context,
                            Instant at) {
}
