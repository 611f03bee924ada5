package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record how an event's translation ended; the first conclusion stands. */
public record ConcludeStripeEvent(@TargetAggregateIdentifier WebhookEvidenceId evidenceId, EvidenceOutcome outcome,
                                  String reason, PublisherId publisherId, String subjectType, String subjectId,
                                  Instant concludedAt) {
}
