package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record StripeEventConcluded(WebhookEvidenceId evidenceId, String eventType, EvidenceOutcome outcome,
                                   String reason, PublisherId publisherId, String subjectType, String subjectId,
                                   Instant concludedAt) {
}
