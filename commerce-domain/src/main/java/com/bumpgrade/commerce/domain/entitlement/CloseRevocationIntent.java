package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The intent was dismissed or cancelled: free the entitlement's open slot (only if it is this intent's). */
public record CloseRevocationIntent(@TargetAggregateIdentifier EntitlementId entitlementId,
                                    RevocationIntentId revocationIntentId, String outcome, Instant at) {
}
