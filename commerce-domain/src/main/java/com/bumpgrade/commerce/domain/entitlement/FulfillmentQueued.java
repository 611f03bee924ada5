package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/**
 * Public-safe evidence that delivering the grant is queued. No delivery exists yet, so it stays {@code pending}.
 */
public record FulfillmentQueued(EntitlementId entitlementId, PublisherId publisherId, String fulfillmentStatus,
                                Instant queuedAt) {
}
