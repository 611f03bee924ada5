package com.bumpgrade.commerce.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Helpers for tests that pay checkouts through signed Stripe webhooks. */
public abstract class WebhookTest extends ServiceTest {
    protected static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    protected String openIntent() {
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("wh"), ApiClient.uniqueKey("corr"))
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("checkoutIntentId").asText();
    }

    protected ApiClient.Response deliver(String payload) {
        return deliver(payload, StripeEvents.signature(payload));
    }

    protected ApiClient.Response deliver(String payload, String signature) {
        return api().post("/api/commerce/stripe/webhook").header("Stripe-Signature", signature)
                .header("Content-Type", "application/json").json(payload).send();
    }

    protected String sessionEvent(String eventId, String type, String intentId, Consumer<ObjectNode> adjust) {
        return StripeEvents.event(eventId, type, StripeEvents.session(STRIPE.sessionOf(intentId), adjust));
    }

    protected String completed(String intentId) {
        return sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intentId, s -> { });
    }

    protected String paymentIntentOf(String intentId) {
        return STRIPE.sessionOf(intentId).path("payment_intent").asText();
    }

    protected JsonNode awaitIntent(String id, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/checkout-intents/" + id).token(Tokens.OWNER).send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo(status);
            seen[0] = response.json();
        });
        return seen[0];
    }

    protected JsonNode evidence(String token, String evidenceId) {
        ApiClient.Response response = api().get("/api/commerce/stripe/webhook-events?limit=500").token(token).send();
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode event : response.json().path("events")) {
            if (event.path("evidenceId").asText().equals(evidenceId)) {
                return event;
            }
        }
        return null;
    }

    protected JsonNode awaitEvidence(String token, String evidenceId, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode found = evidence(token, evidenceId);
            assertThat(found).as("evidence " + evidenceId).isNotNull();
            assertThat(found.path("status").asText()).isEqualTo(status);
            seen[0] = found;
        });
        return seen[0];
    }
}
