package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Paid checkouts, their entitlements and the revocation routes, for the revocation API tests. */
abstract class RevocationApiSupport extends WebhookTest {

    /** A checkout paid by a verified webhook; its entitlements, once granted, in offer order. */
    protected JsonNode paidEntitlements(String intent, int count) {
        deliver(completed(intent));
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent)
                    .token(Tokens.OWNER).send();
            assertThat(response.json().path("entitlements")).hasSize(count);
            found[0] = response.json().path("entitlements");
        });
        return found[0];
    }

    protected JsonNode entitlement(String entitlementId) {
        ApiClient.Response response = api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.OWNER)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected ApiClient.Response record(String token, String entitlementId, long version, String reason,
                                        String confirmation) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("reason", reason);
        if (confirmation != null) {
            body.put("confirmation", confirmation);
        }
        return api().post("/api/commerce/entitlements/" + entitlementId + "/revocation-intents").token(token)
                .billing(ApiClient.uniqueKey("rvk"), "corr-revocation").header("If-Match", "\"" + version + "\"")
                .json(body).send();
    }

    protected ApiClient.Response act(String token, String intentId, String action, long version,
                                     String confirmation) {
        return api().post("/api/commerce/revocation-intents/" + intentId + "/" + action).token(token)
                .billing(ApiClient.uniqueKey("rvk-" + action), "corr-revocation")
                .header("If-Match", "\"" + version + "\"")
                .json(confirmation == null ? Map.of() : Map.of("confirmation", confirmation)).send();
    }

    protected ApiClient.Response intent(String token, String intentId) {
        return api().get("/api/commerce/revocation-intents/" + intentId).token(token).send();
    }

    protected static String recordPhrase(String entitlementId, String reason) {
        return "Record revocation intent for entitlement " + entitlementId + ": " + reason;
    }

    protected static String phrase(String action, String intentId, String entitlementId) {
        String verb = Character.toUpperCase(action.charAt(0)) + action.substring(1);
        return verb + " revocation intent " + intentId + " for entitlement " + entitlementId;
    }
}
