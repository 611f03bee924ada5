package com.bumpgrade.commerce.domain.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Keep a received Stripe event as evidence; a redelivery changes nothing unless its payload differs. */
public record RecordStripeEvent(@TargetAggregateIdentifier WebhookEvidenceId evidenceId, String eventType,
                                boolean livemode, String apiVersion, Instant stripeCreatedAt, Instant receivedAt,
                                String payloadSha256, Verification verification) {
}
