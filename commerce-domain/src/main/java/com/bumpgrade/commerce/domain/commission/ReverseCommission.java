package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner action: Reverse what remains of the entry as a new line; terminal. Confirmed, stale-state checked. */
public record ReverseCommission(@TargetAggregateIdentifier CommissionEntryId entryId, PublisherId publisherId,
        Long expectedVersion, String reason, String confirmation, BillingContext context, Instant at) {
}
