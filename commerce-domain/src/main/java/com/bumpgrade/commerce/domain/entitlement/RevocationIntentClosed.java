package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;

import java.time.Instant;

/** The entitlement's open revocation slot is free again; {@code outcome} is dismissed or cancelled. */
public record RevocationIntentClosed(EntitlementId entitlementId, PublisherId publisherId,
                                     RevocationIntentId revocationIntentId, String outcome, Instant at) {
}
