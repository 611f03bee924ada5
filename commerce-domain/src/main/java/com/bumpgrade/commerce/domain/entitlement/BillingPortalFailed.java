package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** One failed attempt to open a recorded portal session at Stripe; a retry with the same key may still succeed. */
public record BillingPortalFailed(EntitlementId entitlementId, PublisherId publisherId,
                                  PortalSessionId portalSessionId, String failure, BillingContext context,
                                  Instant failedAt) {
}
