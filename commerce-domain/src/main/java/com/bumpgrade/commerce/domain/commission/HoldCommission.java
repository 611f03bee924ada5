package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner action: Hold the entry, with a reason. Confirmed, stale-state checked. */
public record HoldCommission(@TargetAggregateIdentifier CommissionEntryId entryId, PublisherId publisherId,
        Long expectedVersion, String reason, String confirmation, BillingContext context, Instant at) {
}
