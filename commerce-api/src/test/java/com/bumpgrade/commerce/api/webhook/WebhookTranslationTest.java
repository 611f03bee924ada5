package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentRejected;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Verified events become idempotent commands: paid once, never backwards, refunds and disputes on the right intent. */
class WebhookTranslationTest extends WebhookTest {

    private EventStream stream(String aggregateId) {
        return EventStream.of(jdbc, aggregateId);
    }

    @Test
    void aCompletedPaidSessionPaysTheIntentOnceWithEvidenceAndAudit() {
        String intent = openIntent();
        long opened = stream(intent).mark();
        ApiClient.Response response = deliver(completed(intent));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String evidenceId = response.json().path("evidenceId").asText();
        assertThat(evidenceId).matches("whk_[0-9a-f]{32}");
        assertThat(response.json().path("duplicate").asBoolean()).isFalse();
        assertThat(response.body()).doesNotContain("evt_");

        JsonNode paid = awaitIntent(intent, "paid");
        assertThat(paid.path("paid").path("amountMinor").asLong()).isEqualTo(900);
        assertThat(paid.path("evidenceIds").toString()).contains(evidenceId);
        JsonNode evidence = awaitEvidence(Tokens.OWNER, evidenceId, "processed");
        assertThat(evidence.path("subjectId").asText()).isEqualTo(intent);
        assertThat(evidence.path("verification").asText()).isEqualTo("verified");
        assertThat(evidence.path("eventType").asText()).isEqualTo("checkout.session.completed");
        assertThat(evidence.path("payloadSha256").asText()).hasSize(64);
        assertThat(eventCount(intent, "CheckoutPaid")).isEqualTo(1);
        stream(intent).awaitAppendedSince(opened, CheckoutPaid.class);
        stream(evidenceId).awaitAppendedSince(EventStream.NEW, StripeEventReceived.class, StripeEventConcluded.class);
        // the entitlement policy's reaction to the payment
        stream(EntitlementId.forPurchase(CheckoutIntentId.of(intent), OfferId.of("launch-pass")).value())
                .awaitAppendedSince(EventStream.NEW, EntitlementGranted.class, FulfillmentQueued.class);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode entries = api().get("/api/commerce/audit-entries?subjectId=" + intent).token(Tokens.AUDITOR)
                    .send().json().path("entries");
            assertThat(entries.toString()).contains("\"action\":\"checkout.payment\"")
                    .contains("\"sourceEvidenceId\":\"" + evidenceId + "\"");
        });
    }

    @Test
    void redeliveriesChangeNothingEvenTenAtOnce() throws Exception {
        String intent = openIntent();
        long opened = stream(intent).mark();
        String payload = completed(intent);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return deliver(payload);
            }));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200);
        assertThat(responses).filteredOn(r -> !r.json().path("duplicate").asBoolean()).hasSize(1);
        String evidenceId = responses.get(0).json().path("evidenceId").asText();
        assertThat(responses).extracting(r -> r.json().path("evidenceId").asText()).containsOnly(evidenceId);
        awaitIntent(intent, "paid");

        ApiClient.Response later = deliver(payload);
        assertThat(later.json().path("duplicate").asBoolean()).isTrue();
        awaitEvidence(Tokens.OWNER, evidenceId, "processed");
        assertThat(eventCount(evidenceId, "StripeEventReceived")).isEqualTo(1);
        assertThat(eventCount(intent, "CheckoutPaid")).isEqualTo(1);
        stream(intent).expectAppendedSince(opened, CheckoutPaid.class);
        stream(evidenceId).expectExactly(StripeEventReceived.class, StripeEventConcluded.class);
        assertThat(jdbc.queryForObject("SELECT deliveries FROM stripe_webhook_delivery WHERE evidence_id = ?",
                Integer.class, evidenceId)).isEqualTo(11);
    }

    @Test
    void aRedeliveryWithAnotherPayloadIsFlagged() {
        String intent = openIntent();
        String eventId = StripeEvents.newEventId();
        String first = sessionEvent(eventId, "checkout.session.completed", intent, s -> { });
        String changed = sessionEvent(eventId, "checkout.session.completed", intent, s -> s.put("locale", "fr"));
        String evidenceId = deliver(first).json().path("evidenceId").asText();
        ApiClient.Response second = deliver(changed);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("duplicate").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode found = evidence(Tokens.OWNER, evidenceId);
            assertThat(found).isNotNull();
            assertThat(found.path("payloadMismatch").asBoolean()).isTrue();
        });
        assertThat(eventCount(intent, "CheckoutPaid")).isEqualTo(1);
    }

    @Test
    void aSecondPaymentEventForThePaidIntentIsIgnored() {
        String intent = openIntent();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        long paid = stream(intent).mark();
        String again = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.async_payment_succeeded",
                intent, s -> { })).json().path("evidenceId").asText();
        JsonNode evidence = awaitEvidence(Tokens.OWNER, again, "ignored");
        assertThat(evidence.path("reason").asText()).isEqualTo("already_paid");
        assertThat(eventCount(intent, "CheckoutPaid")).isEqualTo(1);
        stream(intent).expectNothingSince(paid);
        stream(again).expectExactly(StripeEventReceived.class, StripeEventConcluded.class);
    }

    @Test
    void mismatchedAmountCurrencyOrLivemodeDoNotPay() {
        String amount = openIntent();
        String evidence = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", amount,
                s -> s.put("amount_total", 1))).json().path("evidenceId").asText();
        assertThat(awaitEvidence(Tokens.OWNER, evidence, "rejected").path("reason").asText())
                .isEqualTo("amount_mismatch");

        String currency = openIntent();
        String evidence2 = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", currency,
                s -> s.put("currency", "eur"))).json().path("evidenceId").asText();
        assertThat(awaitEvidence(Tokens.OWNER, evidence2, "rejected").path("reason").asText())
                .isEqualTo("currency_mismatch");

        String live = openIntent();
        String evidence3 = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", live,
                s -> s.put("livemode", true))).json().path("evidenceId").asText();
        assertThat(awaitEvidence(Tokens.OWNER, evidence3, "rejected").path("reason").asText())
                .isEqualTo("livemode_mismatch");

        for (String intent : List.of(amount, currency, live)) {
            assertThat(awaitIntent(intent, "open").path("paid").isMissingNode()).isTrue();
            assertThat(eventCount(intent, "CheckoutPaid")).isZero();
            assertThat(eventCount(intent, "CheckoutPaymentRejected")).isEqualTo(1);
            // started, session opened, then only the rejection
            stream(intent).expectAppendedSince(1, CheckoutPaymentRejected.class);
        }
    }

    @Test
    void anUnpaidCompletionWaitsForTheAsyncOutcome() {
        String intent = openIntent();
        String pending = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intent,
                s -> s.put("payment_status", "unpaid"))).json().path("evidenceId").asText();
        assertThat(awaitEvidence(Tokens.OWNER, pending, "ignored").path("reason").asText()).isEqualTo("payment_pending");
        deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.async_payment_failed", intent, s -> { }));
        awaitIntent(intent, "failed");
    }

    @Test
    void aLateExpiryNeverUndoesPaid() {
        String intent = openIntent();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        long paid = stream(intent).mark();
        String late = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.expired", intent,
                s -> s.put("status", "expired"))).json().path("evidenceId").asText();
        assertThat(awaitEvidence(Tokens.OWNER, late, "ignored").path("reason").asText()).isEqualTo("already_paid");
        String failed = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.async_payment_failed",
                intent, s -> { })).json().path("evidenceId").asText();
        awaitEvidence(Tokens.OWNER, failed, "ignored");
        assertThat(awaitIntent(intent, "paid").path("status").asText()).isEqualTo("paid");
        assertThat(eventCount(intent, "CheckoutSessionExpired")).isZero();
        stream(intent).expectNothingSince(paid);
    }

    @Test
    void anExpiredSessionExpiresAnOpenIntent() {
        String intent = openIntent();
        deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.expired", intent,
                s -> s.put("status", "expired").put("payment_status", "unpaid")));
        awaitIntent(intent, "expired");
    }

    @Test
    void refundsLandOnTheRightIntentPartialThenFull() {
        String intent = openIntent();
        String other = openIntent();
        deliver(completed(intent));
        deliver(completed(other));
        awaitIntent(intent, "paid");
        awaitIntent(other, "paid");
        long paid = stream(intent).mark();
        long otherPaid = stream(other).mark();
        String paymentIntent = paymentIntentOf(intent);

        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 900, 300, false)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(awaitIntent(intent, "paid").path("refunded").path("amountMinor").asLong()).isEqualTo(300));

        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 900, 900, true)));
        JsonNode refunded = awaitIntent(intent, "refunded");
        assertThat(refunded.path("refunded").path("amountMinor").asLong()).isEqualTo(900);

        // an older partial refund event delivered late changes nothing
        String stale = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 900, 300, false))).json().path("evidenceId").asText();
        awaitEvidence(Tokens.OWNER, stale, "ignored");
        assertThat(eventCount(intent, "CheckoutRefunded")).isEqualTo(2);
        assertThat(awaitIntent(other, "paid").path("refunded").path("amountMinor").asLong()).isZero();
        stream(intent).expectAppendedSince(paid, CheckoutRefunded.class, CheckoutRefunded.class);
        stream(other).expectNothingSince(otherPaid);
    }

    @Test
    void disputesOpenAndCloseOnTheRightIntent() {
        String intent = openIntent();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        long paid = stream(intent).mark();
        String dispute = "dp_test_" + StripeEvents.newEventId().substring(9);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.created",
                StripeEvents.dispute(dispute, paymentIntentOf(intent), "needs_response", 900)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = awaitIntent(intent, "paid");
            assertThat(view.path("openDisputes").asInt()).isEqualTo(1);
            assertThat(view.path("disputeStatus").asText()).isEqualTo("needs_response");
        });
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.closed",
                StripeEvents.dispute(dispute, paymentIntentOf(intent), "won", 900)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = awaitIntent(intent, "paid");
            assertThat(view.path("openDisputes").asInt()).isZero();
            assertThat(view.path("disputeStatus").asText()).isEqualTo("won");
        });
        assertThat(awaitIntent(intent, "paid").toString()).doesNotContain(dispute);
        stream(intent).expectAppendedSince(paid, CheckoutDisputeOpened.class, CheckoutDisputeClosed.class);
    }

    @Test
    void unknownTypesAndForeignObjectsAreKeptAsEvidence() {
        String unknownType = deliver(StripeEvents.event(StripeEvents.newEventId(), "customer.created",
                StripeEvents.fixture("customer"))).json().path("evidenceId").asText();
        String foreignSession = deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                StripeEvents.fixture("checkout.session"))).json().path("evidenceId").asText();
        String foreignCharge = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge("pi_test_notBumpgrades000001", 500, 500, true))).json().path("evidenceId").asText();

        // not attributed to any publisher: the platform operator sees them, no publisher's owner or auditor does
        assertThat(awaitEvidence(Tokens.OPERATOR, unknownType, "ignored").path("reason").asText())
                .isEqualTo("unhandled_type");
        assertThat(awaitEvidence(Tokens.OPERATOR, foreignSession, "unmatched").has("publisherId")).isFalse();
        awaitEvidence(Tokens.OPERATOR, foreignCharge, "unmatched");
        assertThat(evidence(Tokens.OWNER, foreignSession)).isNull();
        assertThat(evidence(Tokens.AUDITOR, foreignSession)).isNull();
    }

    @Test
    void evidenceIsScopedToItsPublisherAndRoles() {
        String intent = openIntent();
        String evidenceId = deliver(completed(intent)).json().path("evidenceId").asText();
        awaitEvidence(Tokens.OWNER, evidenceId, "processed");

        assertThat(evidence(Tokens.RIVAL_OWNER, evidenceId)).isNull();
        assertThat(api().get("/api/commerce/stripe/webhook-events").token(Tokens.AGENT).send().status()).isEqualTo(403);
        assertThat(api().get("/api/commerce/stripe/webhook-events?status=processed&type=checkout.session.completed")
                .token(Tokens.OWNER).send().json().path("events").toString()).contains(evidenceId);
        assertThat(api().get("/api/commerce/stripe/webhook-events?status=bogus").token(Tokens.OWNER).send().status())
                .isEqualTo(400);
    }
}
