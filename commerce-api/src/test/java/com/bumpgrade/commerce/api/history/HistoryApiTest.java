package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionMarkedReviewed;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.bumpgrade.commerce.domain.entitlement.EntitlementAccessChanged;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record's history and its state at a past moment, read through the API after real flows (confirmed writes and
 * signed webhooks): the exact events in order with who caused them, the state before and after a refund or an
 * access change rebuilt from the event store, and the refusals (no record yet, garbage instant, agents, another
 * publisher). No Stripe value appears in any answer.
 */
class HistoryApiTest extends WebhookTest {
    private static final Pattern STRIPE_ID = Pattern.compile("\\b(cs|pi|ch|cus|sub|evt|whsec|sk|rk|in|dp|re|bps)_"
            + "[A-Za-z0-9]");
    private static final String MEMBERSHIP = "Create checkout for Bumpgrade demo membership at 15.00 USD per month";

    private final List<String> answers = new ArrayList<>();
    private final List<String> stripeValues = new ArrayList<>();

    @BeforeEach
    void rivalPublisherSellsToo() {
        RivalPublisher.sellsAPassWithAPartner(jdbc);
    }

    private ApiClient.Response history(String token, String segment, String id, String at) {
        String query = at == null ? "" : "?at=" + URLEncoder.encode(at, StandardCharsets.UTF_8);
        ApiClient.Response response = api().get("/api/commerce/" + segment + "/" + id + "/history" + query)
                .token(token).send();
        answers.add(response.body());
        return response;
    }

    private JsonNode historyOk(String segment, String id, String at) {
        ApiClient.Response response = history(Tokens.AUDITOR, segment, id, at);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.path("events").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static JsonNode event(JsonNode history, String type) {
        for (JsonNode event : history.path("events")) {
            if (event.path("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    private static String before(JsonNode event) {
        return Instant.parse(event.path("time").asText()).minusMillis(1).toString();
    }

    /** Agents are refused, another publisher's record, an unknown id and a malformed one answer as missing. */
    private void refusals(String segment, String id, String unknown) {
        assertThat(history(Tokens.AGENT, segment, id, null).status()).isEqualTo(403);
        assertThat(history(Tokens.OPERATOR, segment, id, null).status()).isEqualTo(403);
        for (String token : List.of(Tokens.RIVAL_OWNER, Tokens.RIVAL_AUDITOR)) {
            ApiClient.Response foreign = history(token, segment, id, null);
            assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
            assertThat(foreign.errorCode()).isEqualTo("not_found");
            assertThat(history(token, segment, id, Instant.now().toString()).status()).isEqualTo(404);
        }
        assertThat(history(Tokens.OWNER, segment, unknown, null).status()).isEqualTo(404);
        assertThat(history(Tokens.OWNER, segment, "not-an-id", null).status()).isEqualTo(404);
        for (String garbage : List.of("yesterday", "2026-13-01T00:00:00Z", "1700000000", "")) {
            ApiClient.Response bad = history(Tokens.OWNER, segment, id, garbage);
            assertThat(bad.status()).as(garbage + ": " + bad.body()).isEqualTo(400);
            assertThat(bad.errorCode()).isEqualTo("invalid_at");
        }
        assertThat(history(Tokens.OWNER, segment, id, null).status()).isEqualTo(200);
    }

    private void nothingOfStripeIn(List<String> bodies) {
        for (String body : bodies) {
            assertThat(STRIPE_ID.matcher(body).find()).as("a Stripe id in " + body).isFalse();
            for (String value : stripeValues) {
                assertThat(body).doesNotContain(value);
            }
            assertThat(body).doesNotContain(StripeEvents.SECRET).doesNotContain("@");
        }
    }

    private String paidCheckout(String correlation, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("offerId", "launch-pass", "confirmation", PHRASE));
        body.putAll(extra);
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("hist"), correlation).json(body).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        stripeValues.add(STRIPE.sessionOf(intent).path("id").asText());
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        stripeValues.add(paymentIntentOf(intent));
        return intent;
    }

    private void refund(String intent, long refundedTotal) {
        String eventId = StripeEvents.newEventId();
        stripeValues.add(eventId);
        deliver(StripeEvents.event(eventId, "charge.refunded", StripeEvents.charge(paymentIntentOf(intent), 900,
                refundedTotal, refundedTotal == 900)));
    }

    @Test
    void aCheckoutsHistoryTellsItsEventsAndItsStateBeforeAndAfterTheRefund() {
        String correlation = ApiClient.uniqueKey("hist-corr");
        String intent = paidCheckout(correlation, Map.of());
        refund(intent, 900);
        awaitIntent(intent, "refunded");
        EventStream.of(jdbc, intent).expectExactly(CheckoutStarted.class, CheckoutSessionOpened.class,
                CheckoutPaid.class, CheckoutRefunded.class);

        JsonNode whole = historyOk("checkout-intents", intent, null);
        assertThat(whole.path("record").asText()).isEqualTo("checkout_intent");
        assertThat(types(whole)).containsExactly("checkout_started", "checkout_session_opened", "checkout_paid",
                "checkout_refunded");
        JsonNode started = event(whole, "checkout_started");
        assertThat(started.path("sequence").asLong()).isZero();
        assertThat(started.path("actor").asText()).isEqualTo("agent-007");
        assertThat(started.path("client").asText()).isEqualTo("api-test");
        assertThat(started.path("correlationId").asText()).isEqualTo(correlation);
        assertThat(started.path("evidenceIds")).isEmpty();
        assertThat(started.path("changes").path("total").path("amountMinor").asLong()).isEqualTo(900);
        assertThat(event(whole, "checkout_session_opened").path("correlationId").asText()).isEqualTo(correlation);
        JsonNode paid = event(whole, "checkout_paid");
        String paidEvidence = paid.path("evidenceIds").get(0).asText();
        assertThat(paidEvidence).startsWith("whk_");
        assertThat(paid.path("actor").asText()).isEqualTo("stripe");
        assertThat(paid.path("client").asText()).isEqualTo("stripe-webhook");
        assertThat(paid.path("correlationId").asText()).isEqualTo(paidEvidence);
        assertThat(paid.path("changes").path("status").asText()).isEqualTo("paid");
        JsonNode refunded = event(whole, "checkout_refunded");
        assertThat(refunded.path("sequence").asLong()).isEqualTo(3);
        assertThat(refunded.path("correlationId").asText()).isEqualTo(refunded.path("evidenceIds").get(0).asText());

        // the whole history adds up to what the view shows
        JsonNode view = awaitIntent(intent, "refunded");
        assertThat(whole.path("state").path("status").asText()).isEqualTo("refunded");
        assertThat(whole.path("version").asLong()).isEqualTo(view.path("version").asLong());
        assertThat(whole.path("state").path("evidenceIds")).isEqualTo(view.path("evidenceIds"));
        assertThat(whole.path("state").path("source")).isEqualTo(view.path("source"));

        JsonNode beforeRefund = historyOk("checkout-intents", intent, paid.path("time").asText());
        assertThat(beforeRefund.path("state").path("status").asText()).isEqualTo("paid");
        assertThat(beforeRefund.path("state").path("refunded").path("amountMinor").asLong()).isZero();
        assertThat(beforeRefund.path("version").asLong()).isEqualTo(2);
        assertThat(types(beforeRefund)).containsExactly("checkout_started", "checkout_session_opened",
                "checkout_paid");
        JsonNode afterRefund = historyOk("checkout-intents", intent, refunded.path("time").asText());
        assertThat(afterRefund.path("state").path("status").asText()).isEqualTo("refunded");
        assertThat(afterRefund.path("state").path("refunded").path("amountMinor").asLong()).isEqualTo(900);

        ApiClient.Response beforeCreation = history(Tokens.OWNER, "checkout-intents", intent, before(started));
        assertThat(beforeCreation.status()).as(beforeCreation.body()).isEqualTo(404);
        assertThat(beforeCreation.errorCode()).isEqualTo("not_found");

        refusals("checkout-intents", intent, "chk_00000000000000000000000000000000");
        nothingOfStripeIn(answers);
    }

    @Test
    void aCommissionEntrysHistoryShowsItOpenThenHeldAndReversedByTheRefund() {
        ApiClient.Response clicked = api().post("/referrals/demo/ADA30/clicks").send();
        String checkoutCorrelation = ApiClient.uniqueKey("hist-ref");
        String intent = paidCheckout(checkoutCorrelation, Map.of("referralClickId",
                clicked.json().path("clickId").asText()));
        String entryId = awaitEntryOf(intent);
        String correlation = ApiClient.uniqueKey("hist-review");
        ApiClient.Response reviewed = api().post("/api/commerce/commission-entries/" + entryId + "/review")
                .token(Tokens.OWNER).billing(ApiClient.uniqueKey("hist-review"), correlation)
                .header("If-Match", "\"0\"")
                .json(Map.of("confirmation", "Mark commission " + entryId + " reviewed")).send();
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        // a partial refund holds the entry and reverses a third; the full refund later reverses the rest
        EventStream stream = EventStream.of(jdbc, entryId);
        refund(intent, 300);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stream.all()).hasSize(4));
        refund(intent, 900);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stream.all()).hasSize(6));
        stream.expectExactly(CommissionEntryOpened.class, CommissionMarkedReviewed.class, CommissionHeld.class,
                CommissionReversalRecorded.class, CommissionReversalRecorded.class, CommissionReversed.class);

        JsonNode whole = historyOk("commission-entries", entryId, null);
        assertThat(types(whole)).containsExactly("commission_entry_opened", "commission_marked_reviewed",
                "commission_held", "commission_reversal_recorded", "commission_reversal_recorded",
                "commission_reversed");
        JsonNode opened = event(whole, "commission_entry_opened");
        assertThat(opened.path("actor").asText()).isEqualTo("stripe");
        assertThat(opened.path("evidenceIds").get(0).asText()).startsWith("whk_");
        JsonNode review = event(whole, "commission_marked_reviewed");
        assertThat(review.path("actor").asText()).isEqualTo("owner-demo");
        assertThat(review.path("client").asText()).isEqualTo("api-test");
        assertThat(review.path("correlationId").asText()).isEqualTo(correlation);
        JsonNode held = event(whole, "commission_held");
        assertThat(held.path("actor").asText()).isEqualTo("stripe");
        assertThat(held.path("correlationId").asText()).isEqualTo(held.path("evidenceIds").get(0).asText());
        assertThat(whole.path("state").path("status").asText()).isEqualTo("reversed");
        assertThat(whole.path("state").path("net").path("amountMinor").asLong()).isZero();
        JsonNode view = api().get("/api/commerce/commission-entries/" + entryId).token(Tokens.OWNER).send().json();
        assertThat(whole.path("version").asLong()).isEqualTo(view.path("version").asLong()).isEqualTo(5);

        JsonNode open = historyOk("commission-entries", entryId, review.path("time").asText()).path("state");
        assertThat(open.path("status").asText()).isEqualTo("reviewed");
        assertThat(open.path("commission").path("amountMinor").asLong()).isEqualTo(270);
        assertThat(open.path("net").path("amountMinor").asLong()).isEqualTo(270);
        JsonNode partly = whole.path("events").get(3);
        JsonNode onHold = historyOk("commission-entries", entryId, partly.path("time").asText()).path("state");
        assertThat(onHold.path("status").asText()).isEqualTo("on_hold");
        assertThat(onHold.path("holds").toString()).isEqualTo("[\"refund\"]");
        assertThat(onHold.path("reversed").path("amountMinor").asLong()).isEqualTo(90);
        assertThat(onHold.path("net").path("amountMinor").asLong()).isEqualTo(180);
        assertThat(onHold.path("evidenceIds")).hasSize(2);
        JsonNode ended = historyOk("commission-entries", entryId, whole.path("updatedAt").asText());
        assertThat(ended.path("state").path("status").asText()).isEqualTo("reversed");
        assertThat(ended.path("state").path("evidenceIds")).hasSize(3);
        assertThat(history(Tokens.OWNER, "commission-entries", entryId, before(opened)).status()).isEqualTo(404);

        // the attribution records no billing context: its request's correlation metadata names who
        JsonNode checkout = historyOk("checkout-intents", intent, null);
        assertThat(types(checkout)).containsExactly("checkout_started", "checkout_referral_attributed",
                "checkout_session_opened", "checkout_paid", "checkout_partially_refunded", "checkout_refunded");
        JsonNode attributed = event(checkout, "checkout_referral_attributed");
        assertThat(attributed.path("actor").asText()).isEqualTo("agent-007");
        assertThat(attributed.path("client").asText()).isEqualTo("api-test");
        assertThat(attributed.path("correlationId").asText()).isEqualTo(checkoutCorrelation);
        assertThat(attributed.path("changes").path("referral").path("partnerId").asText()).isEqualTo("partner-ada");
        assertThat(event(checkout, "checkout_partially_refunded").path("changes").path("status").isMissingNode())
                .isTrue();

        refusals("commission-entries", entryId, "com_00000000000000000000000000000000");
        nothingOfStripeIn(answers);
    }

    private String awaitEntryOf(String intent) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode entries = api().get("/api/commerce/commission-entries?partnerId=partner-ada&limit=500")
                    .token(Tokens.OWNER).send().json().path("entries");
            String id = null;
            for (JsonNode entry : entries) {
                if (entry.path("checkoutIntentId").asText().equals(intent)) {
                    id = entry.path("entryId").asText();
                }
            }
            assertThat(id).as("entry of " + intent).isNotNull();
            found[0] = id;
        });
        return found[0];
    }

    @Test
    void anEntitlementsHistoryShowsTheAccessBeforeAndAfterItChanged() {
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("hist-sub"), "hist-sub")
                .json(Map.of("offerId", "demo-membership", "confirmation", MEMBERSHIP)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        String subscription = STRIPE.sessionOf(intent).path("subscription").asText();
        stripeValues.add(subscription);
        STRIPE.setSubscriptionStatus(subscription, "active");
        deliver(completed(intent));
        String entitlementId = awaitAccess(intent, "active");

        STRIPE.setSubscriptionStatus(subscription, "canceled");
        String eventId = StripeEvents.newEventId();
        stripeValues.add(eventId);
        deliver(StripeEvents.event(eventId, "customer.subscription.deleted", STRIPE.subscription(subscription)));
        awaitAccess(intent, "ended");

        JsonNode whole = historyOk("entitlements", entitlementId, null);
        EventStream.of(jdbc, entitlementId).expectExactly(EntitlementGranted.class, FulfillmentQueued.class,
                EntitlementAccessChanged.class);
        assertThat(types(whole)).containsExactly("entitlement_granted", "fulfillment_queued",
                "entitlement_access_changed");
        JsonNode granted = event(whole, "entitlement_granted");
        assertThat(granted.path("actor").asText()).isEqualTo("stripe");
        assertThat(granted.path("client").asText()).isEqualTo("stripe-webhook");
        assertThat(granted.path("changes").path("subject").asText()).startsWith("bgc_");
        assertThat(granted.path("correlationId").asText()).isEqualTo(granted.path("evidenceIds").get(0).asText());
        assertThat(whole.path("state").path("access").asText()).isEqualTo("ended");
        JsonNode events = whole.path("events");
        JsonNode ended = events.get(events.size() - 1);
        assertThat(ended.path("changes").path("access").asText()).isEqualTo("ended");
        JsonNode lastBefore = events.get(events.size() - 2);

        JsonNode beforeChange = historyOk("entitlements", entitlementId, lastBefore.path("time").asText());
        assertThat(beforeChange.path("state").path("access").asText()).isEqualTo("active");
        JsonNode afterChange = historyOk("entitlements", entitlementId, ended.path("time").asText());
        assertThat(afterChange.path("state").path("access").asText()).isEqualTo("ended");
        assertThat(afterChange.path("state").path("subscriptionStatus").asText()).isEqualTo("canceled");
        assertThat(history(Tokens.OWNER, "entitlements", entitlementId, before(granted)).status()).isEqualTo(404);

        refusals("entitlements", entitlementId, "ent_00000000000000000000000000000000");
        nothingOfStripeIn(answers);
    }

    private String awaitAccess(String intent, String access) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent).token(Tokens.OWNER)
                    .send().json().path("entitlements");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("access").asText()).isEqualTo(access);
            found[0] = list.get(0).path("entitlementId").asText();
        });
        return found[0];
    }
}
