package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.util.Map;

/**
 * One event as history tells it: its public type, who caused it (the event's own billing context, or where it
 * came from when it carries none), the webhook evidence behind it, and the public fields it changed. Nothing in
 * here may be a Stripe value, a secret or a raw payload: kinds copy public fields only.
 */
public record HistoryStep(String type, BillingContext context, Origin origin, WebhookEvidenceId evidence,
                          Map<String, Object> changes) {

    /** Where an event without a billing context came from: it names the actor and client when metadata does not. */
    public enum Origin {
        /** A caller's request (the metadata names the caller). */
        CALLER(null, null),
        /** A verified Stripe webhook, or a reaction to one. */
        STRIPE("stripe", "stripe-webhook"),
        /** The clock (a grace period running out). */
        CLOCK("clock", "scheduler");

        final String actor;
        final String client;

        Origin(String actor, String client) {
            this.actor = actor;
            this.client = client;
        }
    }

    public HistoryStep {
        changes = changes == null ? Map.of() : changes;
    }

    /** A confirmed write: the event records who asked, through which client, under which correlation id. */
    public static HistoryStep by(String type, BillingContext context, Map<String, Object> changes) {
        return new HistoryStep(type, context, Origin.CALLER, null, changes);
    }

    /** Caused by a verified webhook (evidence may be null for a reaction's follow-up). */
    public static HistoryStep fromStripe(String type, WebhookEvidenceId evidence, Map<String, Object> changes) {
        return new HistoryStep(type, null, Origin.STRIPE, evidence, changes);
    }

    /**
     * An event this kind does not describe yet (one added later): its type from the event's name, and nothing of its
     * content, so nothing unvetted is shown.
     */
    public static HistoryStep untold(Object event) {
        String type = event.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
        return new HistoryStep(type, null, Origin.CALLER, null, Map.of());
    }

    /** Carries a context when a person caused it, evidence when Stripe did, neither when the clock did. */
    public static HistoryStep either(String type, BillingContext context, WebhookEvidenceId evidence,
                                     Map<String, Object> changes) {
        Origin origin = context != null ? Origin.CALLER : evidence != null ? Origin.STRIPE : Origin.CLOCK;
        return new HistoryStep(type, context, origin, evidence, changes);
    }
}
