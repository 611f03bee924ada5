package com.bumpgrade.commerce.domain.shared;

import java.util.Objects;

/**
 * Who asked for a billing-impacting write and how to find it again: carried by every such command and
 * recorded in the events it produces, so the audit trail can be rebuilt from the event store alone.
 */
public record BillingContext(ActorId actor, String role, ClientAttribution client, CorrelationId correlationId,
                             IdempotencyKey idempotencyKey) {
    public BillingContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Context for changes the clock caused (a grace period running out). */
    public static BillingContext clock(CorrelationId correlationId) {
        return new BillingContext(ActorId.of("clock"), "system", ClientAttribution.of("scheduler"), correlationId, null);
    }

    /** Context for writes that Stripe, not a person, caused (verified webhooks). */
    public static BillingContext system(String role, CorrelationId correlationId) {
        return new BillingContext(ActorId.of("stripe"), role, ClientAttribution.of("stripe-webhook"), correlationId, null);
    }
}
