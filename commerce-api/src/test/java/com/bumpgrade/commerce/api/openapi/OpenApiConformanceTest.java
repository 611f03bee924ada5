package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real answers, held against the OpenAPI document: a referred purchase from the click to the owner's review of its
 * commission, and an expired checkout, read through every route they touch. Each answer's status must be one the
 * document lists for the route, an error's code one listed under that status, and a JSON body must conform to the
 * documented schema (no undocumented field, every required one present), so the records that describe the bodies
 * built as maps cannot drift from them.
 */
class OpenApiConformanceTest extends ConformanceTest {
    private ApiClient.Response get(String token, String pattern, String path) {
        ApiClient.Call call = api().get(path);
        return held("GET", pattern, token == null ? call.send() : call.token(token).send());
    }

    private ApiClient.Response write(String token, String pattern, String path, String version, Object body) {
        ApiClient.Call call = api().post(path).token(token).billing(ApiClient.uniqueKey("conform"), "conform-corr")
                .header("If-Match", version).json(body);
        return held("POST", pattern, call.send());
    }

    private static String version(ApiClient.Response response) {
        return "\"" + response.json().path("version").asLong() + "\"";
    }

    @Test
    void aReferredPurchaseAnswersAsDocumentedFromTheClickToTheCommissionReview() {
        String click = held("POST", "/referrals/{publisherId}/{code}/clicks",
                api().post("/referrals/demo/ADA30/clicks").send()).json().path("clickId").asText();
        Map<String, Object> cart = Map.of("offerId", "launch-pass", "referralClickId", click);
        String checkout = "/api/commerce/checkout";
        ApiClient.Response preview = write(Tokens.AGENT, checkout, checkout, null, cart);
        assertThat(preview.status()).isEqualTo(200);
        ApiClient.Response opened = write(Tokens.AGENT, checkout, checkout, null, Map.of("offerId", "launch-pass",
                "referralClickId", click, "confirmation", preview.json().path("requiredConfirmation").asText()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        get(null, "/checkout/{checkoutIntentId}", "/checkout/" + intent);
        get(null, "/checkout/{checkoutIntentId}/return", "/checkout/" + intent + "/return?result=success");

        held("POST", "/api/commerce/stripe/webhook", deliver(completed(intent)));
        awaitIntent(intent, "paid");
        get(Tokens.AGENT, "/api/commerce/checkout-intents/{checkoutIntentId}",
                "/api/commerce/checkout-intents/" + intent);

        String entitlements = "/api/commerce/entitlements";
        await().atMost(Duration.ofSeconds(20)).until(() -> !api().get(entitlements + "?checkoutIntentId=" + intent)
                .token(Tokens.AGENT).send().json().path("entitlements").isEmpty());
        String entitlement = get(Tokens.AGENT, entitlements, entitlements + "?checkoutIntentId=" + intent).json()
                .path("entitlements").path(0).path("entitlementId").asText();
        ApiClient.Response grant = get(Tokens.AGENT, entitlements + "/{entitlementId}", entitlements + "/" + entitlement);
        get(Tokens.AUDITOR, entitlements, entitlements + "?customerId=" + grant.json().path("subject").asText());
        String checkouts = "/api/commerce/checkout-intents";
        String cursor = get(Tokens.OWNER, checkouts, checkouts + "?status=paid&limit=1").json().path("nextCursor")
                .asText("");
        get(Tokens.OWNER, checkouts, checkouts + "?limit=1&cursor=" + cursor);
        write(Tokens.AGENT, entitlements + "/{entitlementId}/portal-sessions",
                entitlements + "/" + entitlement + "/portal-sessions", version(grant), Map.of());

        String entries = "/api/commerce/commission-entries";
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get(entries + "?limit=500").token(Tokens.OWNER)
                .send().json().path("entries").findValuesAsText("clickId").contains(click));
        get(Tokens.OWNER, entries, entries + "?partnerId=partner-ada");
        String entry = commissionEntryOf(click);
        ApiClient.Response found = get(Tokens.OWNER, entries + "/{entryId}", entries + "/" + entry);
        String action = entries + "/{entryId}/{action}";
        ApiClient.Response review = write(Tokens.OWNER, action, entries + "/" + entry + "/review", version(found),
                Map.of());
        assertThat(review.status()).isEqualTo(200);
        ApiClient.Response accepted = write(Tokens.OWNER, action, entries + "/" + entry + "/review", version(found),
                Map.of("confirmation", review.json().path("requiredConfirmation").asText()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        // each record's history, whole and at an instant, and its refusals
        String now = java.time.Instant.now().toString();
        for (String[] history : List.of(new String[] {"/api/commerce/checkout-intents/{checkoutIntentId}/history",
                "/api/commerce/checkout-intents/" + intent + "/history"}, new String[] {
                entitlements + "/{entitlementId}/history", entitlements + "/" + entitlement + "/history"},
                new String[] {entries + "/{entryId}/history", entries + "/" + entry + "/history"})) {
            assertThat(get(Tokens.AUDITOR, history[0], history[1]).status()).isEqualTo(200);
            assertThat(get(Tokens.OWNER, history[0], history[1] + "?at=" + now).status()).isEqualTo(200);
            assertThat(get(Tokens.OWNER, history[0], history[1] + "?at=1999-01-01T00:00:00Z").status()).isEqualTo(404);
            assertThat(get(Tokens.OWNER, history[0], history[1] + "?at=soon").status()).isEqualTo(400);
            assertThat(get(Tokens.AGENT, history[0], history[1]).status()).isEqualTo(403);
        }
        get(Tokens.OWNER, "/api/commerce/audit-entries", "/api/commerce/audit-entries?limit=50");
        get(Tokens.AUDITOR, "/api/commerce/audit-entries/verification", "/api/commerce/audit-entries/verification");
        get(Tokens.OWNER, "/api/commerce/stripe/webhook-events", "/api/commerce/stripe/webhook-events?limit=20");
        get(Tokens.OPERATOR, "/api/commerce/stripe/webhook-events", "/api/commerce/stripe/webhook-events?limit=20");
        get(Tokens.OWNER, "/api/commerce/stripe/dead-letters", "/api/commerce/stripe/dead-letters");
        get(Tokens.OPERATOR, "/api/commerce/operator/dead-letters", "/api/commerce/operator/dead-letters");
        softly.assertAll();
    }

    private String commissionEntryOf(String click) {
        for (JsonNode entry : api().get("/api/commerce/commission-entries?limit=500").token(Tokens.OWNER).send().json()
                .path("entries")) {
            if (entry.path("clickId").asText().equals(click)) {
                return entry.path("entryId").asText();
            }
        }
        throw new AssertionError("no commission entry for " + click);
    }

    @Test
    void anExpiredCheckoutPartnersPlansAndRefusalsAnswerAsDocumented() {
        String intent = openIntent();
        String expire = "/api/commerce/checkout-intents/{checkoutIntentId}/expire";
        String path = "/api/commerce/checkout-intents/" + intent;
        ApiClient.Response current = awaitPresent(path);
        ApiClient.Response preview = write(Tokens.AGENT, expire, path + "/expire", version(current), Map.of());
        assertThat(preview.json().path("status").asText()).isEqualTo("preview");
        ApiClient.Response expired = write(Tokens.AGENT, expire, path + "/expire", version(current),
                Map.of("confirmation", preview.json().path("requiredConfirmation").asText()));
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        get(null, "/checkout/{checkoutIntentId}", "/checkout/" + intent);

        get(Tokens.OWNER, "/api/commerce/partners", "/api/commerce/partners");
        write(Tokens.OWNER, "/api/commerce/partners", "/api/commerce/partners", null, Map.of("partnerId",
                "partner-conform", "displayName", "Conform Partner", "referralCode", "CONFORM1",
                "commissionBasisPoints", 1500));
        write(Tokens.OWNER, "/api/commerce/plans/{planId}/checkout", "/api/commerce/plans/creator-plan/checkout", null,
                Map.of());

        get(Tokens.AGENT, "/api/commerce/checkout-intents/{checkoutIntentId}",
                "/api/commerce/checkout-intents/chk_" + "0".repeat(32));
        get(Tokens.AGENT, "/api/commerce/entitlements", "/api/commerce/entitlements?checkoutIntentId=nope");
        get(Tokens.AGENT, "/api/commerce/entitlements", "/api/commerce/entitlements?customerId=nope");
        get(Tokens.AGENT, "/api/commerce/entitlements", "/api/commerce/entitlements");
        for (String query : List.of("status=nope", "from=nope", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z",
                "cursor=nope", "limit=0")) {
            get(Tokens.AGENT, "/api/commerce/checkout-intents", "/api/commerce/checkout-intents?" + query);
        }
        get(Tokens.OPERATOR, "/api/commerce/checkout-intents", "/api/commerce/checkout-intents");
        get(Tokens.AUDITOR, "/api/commerce/commission-entries", "/api/commerce/commission-entries?status=nope");
        get(Tokens.AGENT, "/api/commerce/partners", "/api/commerce/partners");
        held("POST", "/api/commerce/stripe/webhook", deliver("{\"id\":\"evt_1\"}", "t=1,v1=00"));
        held("POST", "/api/commerce/checkout", api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("conform"), "conform-corr").json(Map.of("offerId", "no-such-offer"))
                .send());
        softly.assertAll();
    }

    private ApiClient.Response awaitPresent(String path) {
        ApiClient.Response[] seen = new ApiClient.Response[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            seen[0] = api().get(path).token(Tokens.AGENT).send();
            assertThat(seen[0].status()).isEqualTo(200);
        });
        return held("GET", "/api/commerce/checkout-intents/{checkoutIntentId}", seen[0]);
    }
}
