package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A membership sold by subscription: access follows Stripe Billing through a whole life, with the grace period
 * (3 s in the test profile) run out by the clock.
 */
class SubscriptionAccessApiTest extends WebhookTest {
    private static final String MEMBERSHIP = "Create checkout for Bumpgrade demo membership at 15.00 USD per month";

    private String subscriptionEvent(String type, String subscriptionId) {
        return StripeEvents.event(StripeEvents.newEventId(), type, STRIPE.subscription(subscriptionId));
    }

    private String invoiceEvent(String type, String subscriptionId) {
        ObjectNode invoice = StripeEvents.fixture("invoice");
        invoice.put("id", "in_test_" + StripeEvents.newEventId().substring(9));
        invoice.put("object", "invoice");
        invoice.put("status", type.equals("invoice.paid") ? "paid" : "open");
        invoice.put("livemode", false);
        ObjectNode parent = invoice.putObject("parent");
        parent.put("type", "subscription_details");
        parent.putNull("quote_details");
        parent.putObject("subscription_details").put("subscription", subscriptionId).putNull("metadata");
        return StripeEvents.event(StripeEvents.newEventId(), type, invoice);
    }

    private JsonNode awaitAccess(String intent, String access) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER)
                    .send().json().path("entitlements");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("access").asText()).isEqualTo(access);
            found[0] = list.get(0);
        });
        return found[0];
    }

    @Test
    void aSubscriptionLivesThroughGraceSuspensionRecoveryAndCancellation() {
        ApiClient.Response preview = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("sub"), "corr-sub").json(Map.of("offerId", "demo-membership")).send();
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(MEMBERSHIP);
        assertThat(preview.json().path("mode").asText()).isEqualTo("subscription");

        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("sub"), "corr-sub")
                .json(Map.of("offerId", "demo-membership", "confirmation", MEMBERSHIP)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        FakeStripe.Call create = STRIPE.sessionCreatesFor(intent).get(0);
        assertThat(create.form()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("subscription_data[metadata][bumpgrade_checkout_intent_id]", intent)
                .containsEntry("subscription_data[metadata][bumpgrade_offer_id]", "demo-membership")
                .doesNotContainKey("payment_intent_data[metadata][bumpgrade_checkout_intent_id]");
        String subscription = STRIPE.sessionOf(intent).path("subscription").asText();

        // created arrives before the checkout completes: retried until the grant exists
        STRIPE.setSubscriptionStatus(subscription, "active");
        String early = deliver(subscriptionEvent("customer.subscription.created", subscription)).json()
                .path("evidenceId").asText();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        JsonNode active = awaitAccess(intent, "active");
        awaitEvidence(Tokens.OWNER, early, "processed");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER).send().json()
                .path("entitlements").get(0).path("subscriptionStatus").asText()).isEqualTo("active"));
        assertThat(api().get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER).send()
                .json().path("entitlements").get(0).path("accessUntil").asText()).isNotBlank();

        openPortal(active.path("entitlementId").asText());

        STRIPE.setSubscriptionStatus(subscription, "past_due");
        deliver(invoiceEvent("invoice.payment_failed", subscription));
        JsonNode grace = awaitAccess(intent, "grace");
        assertThat(grace.path("graceUntil").asText()).isNotBlank();
        awaitAccess(intent, "suspended"); // the 3 s grace period runs out, the sweeper suspends

        STRIPE.setSubscriptionStatus(subscription, "active");
        deliver(invoiceEvent("invoice.paid", subscription));
        awaitAccess(intent, "active");

        STRIPE.setSubscriptionStatus(subscription, "canceled");
        deliver(subscriptionEvent("customer.subscription.deleted", subscription));
        awaitAccess(intent, "ended");

        // a late, older-looking event cannot bring a canceled subscription back
        STRIPE.setSubscriptionStatus(subscription, "active");
        String late = deliver(subscriptionEvent("customer.subscription.updated", subscription)).json()
                .path("evidenceId").asText();
        awaitEvidence(Tokens.OWNER, late, "ignored");
        assertThat(awaitAccess(intent, "ended").path("access").asText()).isEqualTo("ended");

        String entitlementId = active.path("entitlementId").asText();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String audit = api().get("/api/commerce/audit-entries?subjectId=" + entitlementId).token(Tokens.AUDITOR)
                    .send().json().path("entries").toString();
            assertThat(audit).contains("entitlement.grant", "\"result\":\"grace\"", "\"result\":\"suspended\"",
                    "\"result\":\"ended\"", "\"actor\":\"clock\"");
        });
    }

    private void openPortal(String entitlementId) {
        String path = "/api/commerce/entitlements/" + entitlementId + "/portal-sessions";
        String version = "\"" + api().get("/api/commerce/entitlements/" + entitlementId).token(Tokens.OWNER).send()
                .json().path("version").asLong() + "\"";
        String key = ApiClient.uniqueKey("portal");
        ApiClient.Response preview = api().post(path).token(Tokens.AGENT).billing(key, "corr-portal")
                .header("If-Match", version).json(Map.of()).send();
        assertThat(preview.status()).isEqualTo(200);
        String phrase = preview.json().path("requiredConfirmation").asText();
        assertThat(phrase).isEqualTo("Open billing portal for entitlement " + entitlementId);
        int before = STRIPE.calls().size();

        ApiClient.Response opened = api().post(path).token(Tokens.AGENT).billing(key, "corr-portal")
                .header("If-Match", version).json(Map.of("confirmation", phrase)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String portalUrl = opened.json().path("portalUrl").asText();
        assertThat(portalUrl).startsWith(api().base() + "/portal/prt_");
        assertThat(opened.body()).doesNotContain("billing.stripe.com").doesNotContain("bps_");
        ApiClient.Response again = api().post(path).token(Tokens.AGENT).billing(key, "corr-portal")
                .header("If-Match", version).json(Map.of("confirmation", phrase)).send();
        assertThat(again.body()).isEqualTo(opened.body());
        long portalCreates = STRIPE.calls().stream().skip(before)
                .filter(c -> c.path().equals("/v1/billing_portal/sessions")).count();
        assertThat(portalCreates).isEqualTo(1);

        ApiClient.Response redirect = api().get(portalUrl.substring(api().base().length())).send();
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).startsWith("https://billing.stripe.com/p/session/");
        assertThat(api().post(path).token(Tokens.RIVAL_AGENT).billing(ApiClient.uniqueKey("p"), "c")
                .header("If-Match", version).json(Map.of("confirmation", phrase)).send().status()).isEqualTo(404);
    }

    @Test
    void billingEventsForSubscriptionsBumpgradeNeverSoldAreUnmatched() {
        ObjectNode foreign = StripeEvents.fixture("subscription");
        foreign.put("id", "sub_test_notBumpgrades0001");
        String evidence = deliver(StripeEvents.event(StripeEvents.newEventId(), "customer.subscription.updated",
                foreign)).json().path("evidenceId").asText();
        awaitEvidence(Tokens.OPERATOR, evidence, "unmatched");
    }
}
