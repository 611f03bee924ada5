package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/**
 * A redelivery carried a different payload than the first delivery of the same Stripe event. {@code publisherId}
 * is the evidence's publisher when it is already known (attributed or concluded), else null.
 */
public record StripeEventPayloadMismatchFlagged(WebhookEvidenceId evidenceId, String payloadSha256,
                                                Instant flaggedAt, PublisherId publisherId) {
}
