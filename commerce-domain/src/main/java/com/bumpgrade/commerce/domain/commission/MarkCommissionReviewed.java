package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner action: Mark the entry reviewed. Confirmed, stale-state checked. */
public record MarkCommissionReviewed(@TargetAggregateIdentifier CommissionEntryId entryId, PublisherId publisherId,
        Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
