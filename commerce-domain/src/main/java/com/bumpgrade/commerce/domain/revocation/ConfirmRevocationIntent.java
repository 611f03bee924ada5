package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner action: confirm a proposed intent (it becomes recorded). Confirmed, stale-state checked. */
public record ConfirmRevocationIntent(@TargetAggregateIdentifier RevocationIntentId revocationIntentId,
        PublisherId publisherId, Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
