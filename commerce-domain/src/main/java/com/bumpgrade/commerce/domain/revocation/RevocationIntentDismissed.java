package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;

import java.time.Instant;

/** The owner dismissed a proposed intent; the entitlement may get another. */
public record RevocationIntentDismissed(RevocationIntentId revocationIntentId, PublisherId publisherId,
                                    EntitlementId entitlementId, BillingContext context, Instant at) {
}
