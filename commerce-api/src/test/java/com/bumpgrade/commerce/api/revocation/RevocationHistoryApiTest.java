package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A revocation intent's history and its state at an instant, rebuilt from its events. */
class RevocationHistoryApiTest extends RevocationApiSupport {
    private static final String REASON = "Resold the course access";

    private ApiClient.Response history(String token, String intentId, String at) {
        return api().get("/api/commerce/revocation-intents/" + intentId + "/history" + (at == null ? "" : "?at=" + at))
                .token(token).send();
    }

    @Test
    void itTellsTheRecordingAndTheCancellationAndTheStateBetweenThem() throws InterruptedException {
        String entitlementId = paidEntitlements(openIntent(), 1).get(0).path("entitlementId").asText();
        long version = entitlement(entitlementId).path("version").asLong();
        Instant before = Instant.now();
        Thread.sleep(5);
        ApiClient.Response recorded = record(Tokens.OWNER, entitlementId, version, REASON,
                recordPhrase(entitlementId, REASON));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String intentId = recorded.json().path("revocationIntentId").asText();
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        assertThat(act(Tokens.OWNER, intentId, "cancel", 0, phrase("cancel", intentId, entitlementId)).status())
                .isEqualTo(200);

        ApiClient.Response whole = history(Tokens.AUDITOR, intentId, null);
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        whole.json().path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("revocation_intent_recorded", "revocation_intent_cancelled");
        for (JsonNode event : whole.json().path("events")) {
            assertThat(event.path("actor").asText()).isEqualTo("owner-demo");
            assertThat(event.path("client").asText()).isEqualTo("api-test");
            assertThat(event.path("correlationId").asText()).isEqualTo("corr-revocation");
        }
        assertThat(whole.json().path("record").asText()).isEqualTo("revocation_intent");
        assertThat(whole.json().path("state").path("status").asText()).isEqualTo("cancelled");
        assertThat(whole.json().path("state").path("entitlementId").asText()).isEqualTo(entitlementId);
        assertThat(whole.body()).as("the owner's free text stays out of history").doesNotContain(REASON);

        JsonNode then = history(Tokens.OWNER, intentId, between.toString()).json();
        assertThat(then.path("events")).hasSize(1);
        assertThat(then.path("state").path("status").asText()).isEqualTo("recorded");
        assertThat(history(Tokens.OWNER, intentId, before.toString()).status()).isEqualTo(404);
        assertThat(history(Tokens.OWNER, intentId, "yesterday").errorCode()).isEqualTo("invalid_at");
        assertThat(history(Tokens.AGENT, intentId, null).status()).isEqualTo(403);
        assertThat(history(Tokens.RIVAL_OWNER, intentId, null).status()).isEqualTo(404);
        assertThat(history(Tokens.OWNER, "rvk_" + "0".repeat(32), null).status()).isEqualTo(404);
    }
}
