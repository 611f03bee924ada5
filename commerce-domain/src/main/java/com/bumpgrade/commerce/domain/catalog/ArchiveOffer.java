package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner: stop selling an offer (draft or published). Confirmed, stale-state checked. Checkouts already open stay. */
public record ArchiveOffer(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId,
                           Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
