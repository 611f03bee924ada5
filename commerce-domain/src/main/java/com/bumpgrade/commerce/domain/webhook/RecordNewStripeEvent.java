package com.bumpgrade.commerce.domain.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Keep a Stripe event that has never been delivered before as evidence. The sender knows it is new (its private
 * delivery row was just inserted in the same transaction), so the evidence is created without reading the store;
 * if it existed after all, the append fails and nothing is recorded twice.
 */
public record RecordNewStripeEvent(@TargetAggregateIdentifier WebhookEvidenceId evidenceId, String eventType,
                                   boolean livemode, String apiVersion, Instant stripeCreatedAt, Instant receivedAt,
                                   String payloadSha256, Verification verification) {

    /** The same delivery, for the aggregate's general path (a redelivery, or an older delivery without evidence). */
    public RecordStripeEvent asRecord() {
        return new RecordStripeEvent(evidenceId, eventType, livemode, apiVersion, stripeCreatedAt, receivedAt,
                payloadSha256, verification);
    }
}
