package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner action: Release the owner's and refund holds (an open dispute keeps its hold). Confirmed, stale-state checked. */
public record ReleaseCommissionHold(@TargetAggregateIdentifier CommissionEntryId entryId, PublisherId publisherId,
        Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
