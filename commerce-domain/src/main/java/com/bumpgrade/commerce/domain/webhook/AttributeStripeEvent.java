package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Name the publisher and record an event concerns, as soon as translation finds it, so that even an event that
 * fails and is dead-lettered is visible to that publisher's owners.
 */
public record AttributeStripeEvent(@TargetAggregateIdentifier WebhookEvidenceId evidenceId, PublisherId publisherId,
                                   String subjectType, String subjectId, Instant attributedAt) {
}
