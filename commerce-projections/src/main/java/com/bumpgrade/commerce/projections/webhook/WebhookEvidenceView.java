package com.bumpgrade.commerce.projections.webhook;

import java.time.Instant;

/**
 * Public-safe evidence of one Stripe event: its Bumpgrade evidence id, type, hashes and processing status. The
 * Stripe event id and payload stay in the private delivery table. {@code attempts} counts failed translation
 * attempts while the event sits in the dead-letter queue.
 */
public record WebhookEvidenceView(String evidenceId, String eventType, boolean livemode, String apiVersion,
                                  Instant stripeCreatedAt, Instant receivedAt, String payloadSha256,
                                  String verification, String status, String reason, String publisherId,
                                  String subjectType, String subjectId, boolean payloadMismatch,
                                  Instant concludedAt, long version, int attempts, String lastFailure) {
}
