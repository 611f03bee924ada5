package com.bumpgrade.commerce.domain.webhook;

import java.time.Instant;

public record StripeEventReceived(WebhookEvidenceId evidenceId, String eventType, boolean livemode,
                                  String apiVersion, Instant stripeCreatedAt, Instant receivedAt,
                                  String payloadSha256, Verification verification) {
}
