package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentClosed;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentConfirmed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentProposed;
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

/**
 * Money going back proposes revocation: a full refund or a lost dispute opens exactly one proposed intent per
 * granted entitlement, with the webhook's evidence id; a partial refund or an open dispute only shows on the
 * entitlement. Access stays active throughout.
 */
class RevocationProposalApiTest extends RevocationApiSupport {
    private static final String BUMP_PHRASE =
            "Create checkout for Bumpgrade launch pass + Bumpgrade launch templates at 14.00 USD";

    private String openBumpIntent() {
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("rvk-bump"), "corr").json(Map.of("offerId", "launch-pass",
                        "orderBumpOfferIds", List.of("launch-templates"), "confirmation", BUMP_PHRASE)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("checkoutIntentId").asText();
    }

    private JsonNode awaitRevocation(String entitlementId, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = entitlement(entitlementId);
            assertThat(view.path("revocation").path("status").asText()).isEqualTo(status);
            seen[0] = view;
        });
        return seen[0];
    }

    @Test
    void aFullRefundProposesExactlyOneIntentPerEntitlementUnderTenConcurrentRedeliveries() throws Exception {
        String checkout = openBumpIntent();
        JsonNode entitlements = paidEntitlements(checkout, 2);
        List<String> ids = new ArrayList<>();
        List<Long> marks = new ArrayList<>();
        for (JsonNode e : entitlements) {
            ids.add(e.path("entitlementId").asText());
            marks.add(EventStream.of(jdbc, e.path("entitlementId").asText()).mark());
        }

        String refund = StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(checkout), 1400, 1400, true));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<ApiClient.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(pool.submit(() -> deliver(refund)));
        }
        String evidenceId = null;
        for (Future<ApiClient.Response> response : sent) {
            assertThat(response.get().status()).isEqualTo(200);
            evidenceId = response.get().json().path("evidenceId").asText();
        }
        pool.shutdown();
        awaitIntent(checkout, "refunded");

        for (int i = 0; i < ids.size(); i++) {
            String entitlementId = ids.get(i);
            JsonNode view = awaitRevocation(entitlementId, "proposed");
            assertThat(view.path("access").asText()).isEqualTo("active");
            assertThat(view.path("refundedMinor").asLong()).isEqualTo(1400);
            String intentId = view.path("revocation").path("revocationIntentId").asText();
            EventStream.of(jdbc, intentId).awaitAppendedSince(EventStream.NEW, RevocationIntentProposed.class);
            EventStream.of(jdbc, entitlementId).expectAppendedSince(marks.get(i), RevocationIntentOpened.class);
            JsonNode intent = intent(Tokens.AUDITOR, intentId).json();
            assertThat(intent.path("status").asText()).isEqualTo("proposed");
            assertThat(intent.path("reason").asText()).isEqualTo("full_refund");
            assertThat(intent.path("evidenceIds").toString()).contains(evidenceId);
            assertThat(intent.path("source").path("actor").asText()).isEqualTo("stripe");
            assertThat(api().get("/api/commerce/revocation-intents?entitlementId=" + entitlementId)
                    .token(Tokens.OWNER).send().json().path("revocationIntents")).hasSize(1);
        }

        // a second, distinct event about the same full refund proposes nothing more
        String again = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(checkout), 1400, 1400, true))).json().path("evidenceId").asText();
        awaitEvidence(Tokens.OWNER, again, "ignored");
        for (int i = 0; i < ids.size(); i++) {
            EventStream.of(jdbc, ids.get(i)).expectAppendedSince(marks.get(i), RevocationIntentOpened.class);
        }

        // the owner dismisses one proposal and confirms the other; access still does not move
        String first = entitlement(ids.get(0)).path("revocation").path("revocationIntentId").asText();
        String second = entitlement(ids.get(1)).path("revocation").path("revocationIntentId").asText();
        ApiClient.Response dismissed = act(Tokens.OWNER, first, "dismiss", 0, phrase("dismiss", first, ids.get(0)));
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(dismissed.json().path("status").asText()).isEqualTo("dismissed");
        ApiClient.Response confirmed = act(Tokens.OWNER, second, "confirm", 0, phrase("confirm", second, ids.get(1)));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("recorded");
        EventStream.of(jdbc, first).expectExactly(RevocationIntentProposed.class, RevocationIntentDismissed.class);
        EventStream.of(jdbc, second).expectExactly(RevocationIntentProposed.class, RevocationIntentConfirmed.class);
        EventStream.of(jdbc, ids.get(0)).expectAppendedSince(marks.get(0), RevocationIntentOpened.class,
                RevocationIntentClosed.class);
        assertThat(awaitRevocation(ids.get(0), "dismissed").path("access").asText()).isEqualTo("active");
        assertThat(awaitRevocation(ids.get(1), "recorded").path("access").asText()).isEqualTo("active");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/audit-entries?subjectId=" + first).token(Tokens.AUDITOR).send()
                .json().path("entries").toString()).contains("revocation.propose").contains("revocation.dismiss"));
    }

    @Test
    void aFullRefundOfASubscriptionPaymentIsMatchedToItsCheckoutAndProposes() {
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("rvk-sub"), "corr").json(Map.of("offerId", "demo-membership",
                        "confirmation", "Create checkout for Bumpgrade demo membership at 15.00 USD per month")).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String checkout = opened.json().path("checkoutIntentId").asText();
        String entitlementId = paidEntitlements(checkout, 1).get(0).path("entitlementId").asText();
        String subscription = STRIPE.sessionOf(checkout).path("subscription").asText();
        // Stripe Billing's PaymentIntent of the first invoice carries no Bumpgrade metadata
        String invoicePayment = STRIPE.payInvoiceOf(subscription, 1500);

        String refund = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(invoicePayment, 1500, 1500, true))).json().path("evidenceId").asText();

        awaitEvidence(Tokens.OWNER, refund, "processed");
        awaitIntent(checkout, "refunded");
        JsonNode proposed = awaitRevocation(entitlementId, "proposed");
        assertThat(proposed.path("refundedMinor").asLong()).isEqualTo(1500);
        assertThat(intent(Tokens.OWNER, proposed.path("revocation").path("revocationIntentId").asText()).json()
                .path("evidenceIds").toString()).contains(refund);
    }

    @Test
    void aPartialRefundAndAnOpenDisputeOnlyShowThenALostDisputeProposes() {
        String checkout = openIntent();
        String entitlementId = paidEntitlements(checkout, 1).get(0).path("entitlementId").asText();
        long granted = EventStream.of(jdbc, entitlementId).mark();

        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(checkout), 900, 300, false)));
        String dispute = "dp_test_" + StripeEvents.newEventId().substring(9);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.created",
                StripeEvents.dispute(dispute, paymentIntentOf(checkout), "needs_response", 900)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = entitlement(entitlementId);
            assertThat(view.path("refundedMinor").asLong()).isEqualTo(300);
            assertThat(view.path("openDisputes").asInt()).isEqualTo(1);
        });
        JsonNode shown = entitlement(entitlementId);
        assertThat(shown.path("revocation").isNull() || shown.path("revocation").isMissingNode()).isTrue();
        assertThat(shown.path("access").asText()).isEqualTo("active");
        EventStream.of(jdbc, entitlementId).expectNothingSince(granted);

        String lost = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.closed",
                StripeEvents.dispute(dispute, paymentIntentOf(checkout), "lost", 900))).json()
                .path("evidenceId").asText();
        JsonNode proposed = awaitRevocation(entitlementId, "proposed");
        assertThat(proposed.path("access").asText()).isEqualTo("active");
        assertThat(proposed.path("openDisputes").asInt()).isZero();
        JsonNode intent = intent(Tokens.OWNER, proposed.path("revocation").path("revocationIntentId").asText()).json();
        assertThat(intent.path("reason").asText()).isEqualTo("dispute_lost");
        assertThat(intent.path("evidenceIds").toString()).contains(lost);
        assertThat(intent.toString()).doesNotContain(dispute).doesNotContain("pi_").doesNotContain("ch_");
    }
}
