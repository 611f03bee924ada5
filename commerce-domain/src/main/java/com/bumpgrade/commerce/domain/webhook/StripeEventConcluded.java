package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/**
 * How the translation of the event ended. {@code redrivenBy} is the owner's context when a re-drive they requested
 * reached this conclusion (the re-drive's outcome), and null when Stripe's delivery or a retry did.
 */
public record StripeEventConcluded(WebhookEvidenceId evidenceId, String eventType, EvidenceOutcome outcome,
                                   String reason, PublisherId publisherId, String subjectType, String subjectId,
                                   Instant concludedAt, BillingContext redrivenBy) {
}
