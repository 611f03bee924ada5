package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

/** The main offer is now sold with exactly these order bumps, in this order (none when empty). */
public record OfferOrderBumpsSet(CatalogKey offerKey, PublisherId publisherId, OfferId offerId,
                                 List<OfferId> bumpOfferIds, BillingContext context, Instant at) {
    public OfferOrderBumpsSet {
        bumpOfferIds = List.copyOf(bumpOfferIds);
    }
}
