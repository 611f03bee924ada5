package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner action: cancel a recorded intent (final). Confirmed, stale-state checked. */
public record CancelRevocationIntent(@TargetAggregateIdentifier RevocationIntentId revocationIntentId,
        PublisherId publisherId, Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
