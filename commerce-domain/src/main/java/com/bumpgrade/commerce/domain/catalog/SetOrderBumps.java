package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Owner: the order bumps a main offer may be sold with, in the order shown (an empty list removes them all).
 * Confirmed, stale-state checked. The caller checked that each bump is an order-bump offer of the same publisher.
 */
public record SetOrderBumps(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId,
                            List<OfferId> bumpOfferIds, Long expectedVersion, String confirmation,
                            BillingContext context, Instant at) {
    public SetOrderBumps {
        bumpOfferIds = List.copyOf(bumpOfferIds);
    }
}
