package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A trusted paid checkout grants each offer it bought exactly once, with pending fulfillment evidence. */
class EntitlementApiTest extends WebhookTest {

    private JsonNode awaitEntitlements(String token, String intent, int count) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent)
                    .token(token).send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("entitlements")).hasSize(count);
            found[0] = response.json().path("entitlements");
        });
        return found[0];
    }

    @Test
    void onePaidCheckoutGrantsOnceUnderRedeliveryAndConcurrency() throws Exception {
        String intent = openIntent();
        String completed = completed(intent);
        String async = sessionEvent(StripeEvents.newEventId(), "checkout.session.async_payment_succeeded", intent,
                s -> { });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiClient.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String payload = i % 2 == 0 ? completed : async;
            sent.add(pool.submit(() -> deliver(payload)));
        }
        for (Future<ApiClient.Response> response : sent) {
            assertThat(response.get().status()).isEqualTo(200);
        }
        pool.shutdown();
        awaitIntent(intent, "paid");

        JsonNode entitlement = awaitEntitlements(Tokens.AGENT, intent, 1).get(0);
        assertThat(entitlement.path("offerId").asText()).isEqualTo("launch-pass");
        assertThat(entitlement.path("access").asText()).isEqualTo("active");
        assertThat(entitlement.path("subject").asText()).matches("bgc_[0-9a-f]{32}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/entitlements/" + entitlement.path("entitlementId").asText()).token(Tokens.OWNER)
                .send().json().path("fulfillment").asText()).isEqualTo("pending"));
        String entitlementId = entitlement.path("entitlementId").asText();
        assertThat(eventCount(entitlementId, "EntitlementGranted")).isEqualTo(1);
        assertThat(eventCount(entitlementId, "FulfillmentQueued")).isEqualTo(1);

        ApiClient.Response one = api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.AUDITOR).send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).isNotBlank();
        assertThat(one.json().path("evidenceIds")).hasSize(1);
        assertThat(one.body()).doesNotContain("cus_").doesNotContain("cs_test");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/audit-entries?subjectId=" + entitlementId).token(Tokens.AUDITOR).send()
                .json().path("entries").toString()).contains("entitlement.grant"));
    }

    @Test
    void orderBumpsAreGrantedToo() {
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("bump"), "corr").json(Map.of("offerId", "launch-pass",
                        "orderBumpOfferIds", List.of("launch-templates"), "confirmation",
                        "Create checkout for Bumpgrade launch pass + Bumpgrade launch templates at 14.00 USD")).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intent, s -> { }));
        JsonNode entitlements = awaitEntitlements(Tokens.OWNER, intent, 2);
        assertThat(entitlements.toString()).contains("launch-pass").contains("launch-templates");
    }

    @Test
    void nothingIsGrantedWithoutATrustedPaymentAndOtherPublishersSeeNothing() {
        String unpaid = openIntent();
        String rejected = openIntent();
        deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", rejected,
                s -> s.put("amount_total", 1)));
        awaitIntent(rejected, "open");
        String paid = openIntent();
        deliver(completed(paid));
        String entitlementId = awaitEntitlements(Tokens.OWNER, paid, 1).get(0).path("entitlementId").asText();

        assertThat(api().get("/api/commerce/entitlements?checkoutIntentId=" + unpaid).token(Tokens.OWNER).send()
                .json().path("entitlements")).isEmpty();
        assertThat(api().get("/api/commerce/entitlements?checkoutIntentId=" + rejected).token(Tokens.OWNER).send()
                .json().path("entitlements")).isEmpty();
        assertThat(api().get("/api/commerce/entitlements?checkoutIntentId=" + paid).token(Tokens.RIVAL_OWNER).send()
                .json().path("entitlements")).isEmpty();
        assertThat(api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.RIVAL_OWNER).send().status())
                .isEqualTo(404);
        assertThat(api().get("/api/commerce/entitlements?checkoutIntentId=nope").token(Tokens.OWNER).send().status())
                .isEqualTo(400);
    }
}
