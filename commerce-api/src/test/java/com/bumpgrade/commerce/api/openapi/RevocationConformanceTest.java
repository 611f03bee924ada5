package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The revocation routes' real answers held against the OpenAPI document, as {@link OpenApiConformanceTest} holds
 * the others: a full refund's proposal read, dismissed, then an owner's record, its refusals and its cancel.
 */
class RevocationConformanceTest extends ConformanceTest {
    private static final String RECORD = "/api/commerce/entitlements/{entitlementId}/revocation-intents";
    private static final String ONE = "/api/commerce/revocation-intents/{revocationIntentId}";
    private static final String ACT = "/api/commerce/revocation-intents/{revocationIntentId}/{action}";
    private static final String LIST = "/api/commerce/revocation-intents";

    private ApiClient.Response get(String token, String pattern, String path) {
        return held("GET", pattern, api().get(path).token(token).send());
    }

    private ApiClient.Response write(String pattern, String path, long version, Object body) {
        return held("POST", pattern, api().post(path).token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("conform-rvk"), "conform-corr").header("If-Match", "\"" + version + "\"")
                .json(body).send());
    }

    /** The preview, then the same write with its phrase. */
    private ApiClient.Response confirmed(String pattern, String path, long version, Map<String, Object> body) {
        ApiClient.Response preview = write(pattern, path, version, body);
        assertThat(preview.json().path("status").asText()).as(preview.body()).isEqualTo("preview");
        Map<String, Object> withPhrase = new java.util.HashMap<>(body);
        withPhrase.put("confirmation", preview.json().path("requiredConfirmation").asText());
        return write(pattern, path, version, withPhrase);
    }

    @Test
    void aProposalAndAnOwnersIntentAnswerAsDocumented() {
        String intent = openIntent();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(intent), 900, 900, true)));
        String entitlements = "/api/commerce/entitlements";
        JsonNode[] granted = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = api().get(entitlements + "?checkoutIntentId=" + intent).token(Tokens.OWNER).send().json();
            assertThat(list.path("entitlements").path(0).path("revocation").path("status").asText())
                    .isEqualTo("proposed");
            granted[0] = list.path("entitlements").path(0);
        });
        String entitlement = granted[0].path("entitlementId").asText();
        get(Tokens.OWNER, entitlements, entitlements + "?checkoutIntentId=" + intent);
        get(Tokens.AUDITOR, entitlements + "/{entitlementId}", entitlements + "/" + entitlement);
        String proposal = granted[0].path("revocation").path("revocationIntentId").asText();

        get(Tokens.AUDITOR, ONE, LIST + "/" + proposal);
        get(Tokens.OWNER, LIST, LIST + "?entitlementId=" + entitlement + "&status=proposed");
        get(Tokens.OWNER, LIST, LIST + "?status=nope");
        get(Tokens.OWNER, ONE, LIST + "/rvk_" + "0".repeat(32));
        write(ACT, LIST + "/" + proposal + "/cancel", 0, Map.of());
        ApiClient.Response dismissed = confirmed(ACT, LIST + "/" + proposal + "/dismiss", 0, Map.of());
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        get(Tokens.OWNER, ONE, LIST + "/" + proposal);

        long version = api().get(entitlements + "/" + entitlement).token(Tokens.OWNER).send().json().path("version")
                .asLong();
        String record = entitlements + "/" + entitlement + "/revocation-intents";
        write(RECORD, record, version, Map.of("reason", " "));
        ApiClient.Response recorded = confirmed(RECORD, record, version, Map.of("reason", "Fraud ring"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        long next = api().get(entitlements + "/" + entitlement).token(Tokens.OWNER).send().json().path("version")
                .asLong();
        write(RECORD, record, next, Map.of("reason", "Again"));
        String owners = recorded.json().path("revocationIntentId").asText();
        write(ACT, LIST + "/" + owners + "/cancel", 5, Map.of("confirmation", "x"));
        ApiClient.Response cancelled = confirmed(ACT, LIST + "/" + owners + "/cancel", 0, Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        softly.assertAll();
    }
}
