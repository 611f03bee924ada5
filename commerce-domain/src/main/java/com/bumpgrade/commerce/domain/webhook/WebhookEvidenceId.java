package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Bumpgrade's public id of one Stripe event's evidence ("whk_" + 32 hex). Derived from the Stripe event id by a
 * one-way hash, so every delivery of the same event targets the same evidence and the raw id never appears.
 */
public record WebhookEvidenceId(@JsonValue String value) {
    public WebhookEvidenceId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("webhook evidence id must look like whk_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static WebhookEvidenceId of(String value) {
        return new WebhookEvidenceId(value);
    }

    public static WebhookEvidenceId forStripeEvent(String stripeEventId) {
        return new WebhookEvidenceId(DerivedIds.hashed("whk", "stripe-event|" + stripeEventId));
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("whk_[0-9a-f]{32}");
    }

    @Override
    public String toString() {
        return value;
    }
}
