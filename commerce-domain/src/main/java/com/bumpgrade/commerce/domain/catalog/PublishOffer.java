package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner: put a draft offer on sale at its price. Confirmed, stale-state checked. */
public record PublishOffer(@TargetAggregateIdentifier CatalogKey offerKey, PublisherId publisherId,
                           Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
