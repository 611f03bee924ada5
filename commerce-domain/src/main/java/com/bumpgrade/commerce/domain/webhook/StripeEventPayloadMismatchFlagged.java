package com.bumpgrade.commerce.domain.webhook;

import java.time.Instant;

/** A redelivery carried a different payload than the first delivery of the same Stripe event. */
public record StripeEventPayloadMismatchFlagged(WebhookEvidenceId evidenceId, String payloadSha256,
                                                Instant flaggedAt) {
}
