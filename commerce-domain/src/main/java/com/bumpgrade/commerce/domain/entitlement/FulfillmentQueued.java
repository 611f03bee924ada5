package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/**
 * Public-safe evidence that delivering the grant is queued. No delivery exists yet, so it stays {@code pending}.
 * {@code evidenceId} is the grant's webhook evidence (null in events stored before it was recorded).
 */
public record FulfillmentQueued(EntitlementId entitlementId, PublisherId publisherId, String fulfillmentStatus,
                                Instant queuedAt, WebhookEvidenceId evidenceId) {
}
