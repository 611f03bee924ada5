package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record StripeEventAttributed(WebhookEvidenceId evidenceId, PublisherId publisherId, String subjectType,
                                    String subjectId, Instant attributedAt) {
}
