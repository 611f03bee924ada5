package com.bumpgrade.commerce.api.commission;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionHoldReleased;
import com.bumpgrade.commerce.domain.commission.CommissionMarkedReviewed;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Referral clicks, attribution on checkout, and the review-only commission ledger driven by verified webhooks. */
class CommissionApiTest extends WebhookTest {

    @BeforeEach
    void rivalPublisherSellsToo() {
        // test data: a second publisher with an offer and a partner, so foreign clicks can be tried
        RivalPublisher.sellsAPassWithAPartner(jdbc);
    }

    private String click(String publisher, String code) {
        ApiClient.Response response = api().post("/referrals/" + publisher + "/" + code + "/clicks").send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("clickId").asText();
    }

    private ApiClient.Response checkout(String token, String offer, String phrase, String clickId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offerId", offer);
        if (phrase != null) {
            body.put("confirmation", phrase);
        }
        body.put("referralClickId", clickId);
        return api().post("/api/commerce/checkout").token(token).billing(ApiClient.uniqueKey("ref"), "corr-ref")
                .json(body).send();
    }

    private String paidAttributedCheckout(String clickId) {
        ApiClient.Response opened = checkout(Tokens.AGENT, "launch-pass", PHRASE, clickId);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        deliver(completed(intent));
        awaitIntent(intent, "paid");
        return intent;
    }

    private JsonNode awaitEntry(String intent, String status) {
        return awaitEntry(intent, status, entry -> true);
    }

    private JsonNode awaitEntry(String intent, String status, java.util.function.Predicate<JsonNode> complete) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode entries = api().get("/api/commerce/commission-entries?partnerId=partner-ada&limit=500")
                    .token(Tokens.OWNER).send().json().path("entries");
            JsonNode match = null;
            for (JsonNode entry : entries) {
                if (entry.path("checkoutIntentId").asText().equals(intent)) {
                    match = entry;
                }
            }
            assertThat(match).as("entry for " + intent).isNotNull();
            assertThat(match.path("status").asText()).isEqualTo(status);
            assertThat(complete.test(match)).as("entry for " + intent + " complete: " + match).isTrue();
            found[0] = match;
        });
        return found[0];
    }

    private JsonNode entry(String token, String entryId) {
        ApiClient.Response response = api().get("/api/commerce/commission-entries/" + entryId).token(token).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response act(String token, String entryId, String action, Map<String, Object> body,
                                   String ifMatch) {
        return api().post("/api/commerce/commission-entries/" + entryId + "/" + action).token(token)
                .billing(ApiClient.uniqueKey("act"), ApiClient.uniqueKey("corr-act"))
                .header("If-Match", ifMatch).json(body).send();
    }

    /** Read-your-writes: the GET right after a 2xx action shows it, at the stream's last sequence. */
    private void readsBack(String entryId, String status, EventStream stream) {
        JsonNode entry = entry(Tokens.OWNER, entryId);
        assertThat(entry.path("status").asText()).as(entryId).isEqualTo(status);
        assertThat(entry.path("version").asLong()).as(entryId).isEqualTo(stream.mark());
    }

    private String version(String entryId) {
        return "\"" + entry(Tokens.OWNER, entryId).path("version").asLong() + "\"";
    }

    @Test
    void aValidClickOnAPaidCheckoutCreatesOneEntryEvenUnderRedelivery() {
        String clickId = click("demo", "ADA30");
        assertThat(clickId).matches("clk_[0-9a-f]{32}");
        ApiClient.Response opened = checkout(Tokens.AGENT, "launch-pass", PHRASE, clickId);
        String intent = opened.json().path("checkoutIntentId").asText();
        String completed = completed(intent);
        deliver(completed);
        deliver(completed);
        deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.async_payment_succeeded", intent, s -> { }));

        JsonNode listed = awaitEntry(intent, "pending_review");
        assertThat(listed.path("commission").path("amountMinor").asLong()).isEqualTo(270);
        assertThat(listed.path("commissionBasisPoints").asInt()).isEqualTo(3000);
        assertThat(listed.path("clickId").asText()).isEqualTo(clickId);
        JsonNode view = awaitIntent(intent, "paid");
        assertThat(view.path("referral").path("clickId").asText()).isEqualTo(clickId);
        assertThat(view.path("referral").path("partnerId").asText()).isEqualTo("partner-ada");

        String entryId = listed.path("entryId").asText();
        JsonNode entry = entry(Tokens.AUDITOR, entryId);
        assertThat(entry.path("lines")).hasSize(1);
        assertThat(entry.path("lines").get(0).path("kind").asText()).isEqualTo("commission");
        assertThat(entry.path("evidenceIds")).hasSize(1);
        assertThat(eventCount(entryId, "CommissionEntryOpened")).isEqualTo(1);
        // the redeliveries and the second payment event opened nothing more
        EventStream.of(jdbc, entryId).expectExactly(CommissionEntryOpened.class);

        JsonNode totals = api().get("/api/commerce/commission-entries?partnerId=partner-ada").token(Tokens.AUDITOR)
                .send().json().path("totals");
        assertThat(totals.toString()).contains("\"currency\":\"USD\"");
    }

    /**
     * A referral click has no GET of its own: the read that follows it is the checkout that names it. That checkout
     * accepts the click the moment its 201 is answered, and the intent's GET right after shows the attribution.
     */
    @Test
    void aClickIsAttributableTheMomentItIsAnswered() {
        String clickId = click("demo", "ADA30");
        ApiClient.Response opened = checkout(Tokens.AGENT, "launch-pass", PHRASE, clickId);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        ApiClient.Response read = api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.AGENT).send();

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("status").asText()).isEqualTo("open");
        assertThat(read.json().path("version").asLong()).isEqualTo(EventStream.of(jdbc, intent).mark());
        assertThat(read.json().path("referral").path("clickId").asText()).isEqualTo(clickId);
        assertThat(read.json().path("referral").path("partnerId").asText()).isEqualTo("partner-ada");
    }

    @Test
    void unknownForeignExpiredAndReusedClicksAreRefusedAndSayWhy() {
        String unknown = "clk_" + UUID.randomUUID().toString().replace("-", "");
        ApiClient.Response preview = checkout(Tokens.AGENT, "launch-pass", null, unknown);
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.errorCode()).isEqualTo("unknown_referral_click");
        assertThat(checkout(Tokens.AGENT, "launch-pass", PHRASE, "not-a-click").errorCode())
                .isEqualTo("unknown_referral_click");

        String foreign = click("rival", "RIV10");
        ApiClient.Response foreignUse = checkout(Tokens.AGENT, "launch-pass", PHRASE, foreign);
        assertThat(foreignUse.status()).isEqualTo(422);
        assertThat(foreignUse.errorCode()).isEqualTo("unknown_referral_click");

        String expired = click("demo", "ADA30");
        jdbc.update("UPDATE referral_click SET clicked_at = ? WHERE click_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(31))), expired);
        ApiClient.Response expiredUse = checkout(Tokens.AGENT, "launch-pass", PHRASE, expired);
        assertThat(expiredUse.status()).isEqualTo(422);
        assertThat(expiredUse.errorCode()).isEqualTo("referral_click_expired");

        String reused = click("demo", "ADA30");
        String first = paidAttributedCheckout(reused);
        awaitEntry(first, "pending_review");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ApiClient.Response again = checkout(Tokens.AGENT, "launch-pass", PHRASE, reused);
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.errorCode()).isEqualTo("referral_click_used");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM commission_entry_view WHERE click_id IN (?, ?, ?)",
                Long.class, foreign, expired, unknown)).isZero();
        assertThat(api().post("/referrals/demo/NOPE/clicks").send().status()).isEqualTo(404);
    }

    @Test
    void ownerActionsAreConfirmedStaleCheckedAndAudited() {
        String intent = paidAttributedCheckout(click("demo", "ADA30"));
        String entryId = awaitEntry(intent, "pending_review").path("entryId").asText();
        EventStream stream = EventStream.of(jdbc, entryId);
        stream.expectExactly(CommissionEntryOpened.class);
        long mark = stream.mark();

        assertThat(act(Tokens.AGENT, entryId, "review", Map.of(), version(entryId)).status()).isEqualTo(403);
        assertThat(act(Tokens.RIVAL_OWNER, entryId, "review", Map.of("confirmation",
                "Mark commission " + entryId + " reviewed"), "\"0\"").status()).isEqualTo(404);

        ApiClient.Response preview = act(Tokens.OWNER, entryId, "review", Map.of(), version(entryId));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo("Mark commission " + entryId + " reviewed");
        ApiClient.Response stale = act(Tokens.OWNER, entryId, "review",
                Map.of("confirmation", "Mark commission " + entryId + " reviewed"), "\"9\"");
        assertThat(stale.status()).isEqualTo(412);
        // refusals and the preview appended nothing
        stream.expectNothingSince(mark);

        assertThat(act(Tokens.OWNER, entryId, "review", Map.of("confirmation",
                "Mark commission " + entryId + " reviewed"), version(entryId)).status()).isEqualTo(200);
        stream.expectAppendedSince(mark, CommissionMarkedReviewed.class);
        mark = stream.mark();
        readsBack(entryId, "reviewed", stream);
        awaitEntry(intent, "reviewed");

        assertThat(act(Tokens.OWNER, entryId, "release", Map.of("confirmation",
                "Release hold on commission " + entryId), version(entryId)).status()).isEqualTo(409);
        assertThat(act(Tokens.OWNER, entryId, "hold", Map.of("confirmation", "x"), version(entryId)).errorCode())
                .isEqualTo("reason_required");
        stream.expectNothingSince(mark);
        assertThat(act(Tokens.OWNER, entryId, "hold", Map.of("reason", "checking the partner",
                "confirmation", "Hold commission " + entryId + ": checking the partner"), version(entryId)).status())
                .isEqualTo(200);
        stream.expectAppendedSince(mark, CommissionHeld.class);
        mark = stream.mark();
        readsBack(entryId, "on_hold", stream);
        awaitEntry(intent, "on_hold");
        assertThat(act(Tokens.OWNER, entryId, "release", Map.of("confirmation",
                "Release hold on commission " + entryId), version(entryId)).status()).isEqualTo(200);
        stream.expectAppendedSince(mark, CommissionHoldReleased.class);
        mark = stream.mark();
        readsBack(entryId, "reviewed", stream);
        awaitEntry(intent, "reviewed");

        String reverse = "Reverse commission " + entryId + ": partner fraud";
        assertThat(act(Tokens.OWNER, entryId, "reverse", Map.of("reason", "partner fraud", "confirmation", reverse),
                version(entryId)).status()).isEqualTo(200);
        stream.expectAppendedSince(mark, CommissionReversalRecorded.class, CommissionReversed.class);
        mark = stream.mark();
        readsBack(entryId, "reversed", stream);
        JsonNode reversed = awaitEntry(intent, "reversed");
        assertThat(reversed.path("net").path("amountMinor").asLong()).isZero();
        JsonNode lines = entry(Tokens.OWNER, entryId).path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("amount").path("amountMinor").asLong()).isEqualTo(270);
        assertThat(lines.get(1).path("amount").path("amountMinor").asLong()).isEqualTo(-270);
        assertThat(lines.get(1).path("actor").asText()).isEqualTo("owner-demo");

        ApiClient.Response twice = act(Tokens.OWNER, entryId, "reverse",
                Map.of("reason", "partner fraud", "confirmation", reverse), version(entryId));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("already_reversed");
        stream.expectNothingSince(mark);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String audit = api().get("/api/commerce/audit-entries?subjectId=" + entryId).token(Tokens.AUDITOR)
                    .send().json().path("entries").toString();
            assertThat(audit).contains("commission.open", "commission.review", "commission.hold",
                    "commission.release", "commission.reversal_line", "commission.reverse", "owner-demo");
        });
        assertThat(api().get("/api/commerce/commission-entries").token(Tokens.RIVAL_OWNER).send().json()
                .path("entries").toString()).doesNotContain(entryId);
        assertThat(api().get("/api/commerce/commission-entries/" + entryId).token(Tokens.RIVAL_OWNER).send().status())
                .isEqualTo(404);
        assertThat(api().get("/api/commerce/commission-entries").token(Tokens.AGENT).send().status()).isEqualTo(403);
    }

    @Test
    void refundsHoldAndReverseInProportion() {
        String intent = paidAttributedCheckout(click("demo", "ADA30"));
        String entryId = awaitEntry(intent, "pending_review").path("entryId").asText();
        String paymentIntent = paymentIntentOf(intent);
        EventStream stream = EventStream.of(jdbc, entryId);
        long opened = stream.mark();

        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 900, 300, false)));
        // the hold and the reversal line are two events: the view may show the first before the second
        JsonNode held = awaitEntry(intent, "on_hold",
                entry -> entry.path("reversed").path("amountMinor").asLong() == 90);
        assertThat(held.path("net").path("amountMinor").asLong()).isEqualTo(180);
        stream.awaitAppendedSince(opened, CommissionHeld.class, CommissionReversalRecorded.class);
        long partly = stream.mark();

        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntent, 900, 900, true)));
        JsonNode reversed = awaitEntry(intent, "reversed");
        assertThat(reversed.path("net").path("amountMinor").asLong()).isZero();
        stream.awaitAppendedSince(partly, CommissionReversalRecorded.class, CommissionReversed.class);
        JsonNode lines = entry(Tokens.OWNER, entryId).path("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).path("evidenceId").asText()).startsWith("whk_");
    }

    @Test
    void disputesHoldThenReleaseWhenWonOrReverseWhenLost() {
        String won = paidAttributedCheckout(click("demo", "ADA30"));
        EventStream wonStream = EventStream.of(jdbc, awaitEntry(won, "pending_review").path("entryId").asText());
        long wonOpened = wonStream.mark();
        String dispute = "dp_test_" + StripeEvents.newEventId().substring(9);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.created",
                StripeEvents.dispute(dispute, paymentIntentOf(won), "needs_response", 900)));
        awaitEntry(won, "on_hold");
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.closed",
                StripeEvents.dispute(dispute, paymentIntentOf(won), "won", 900)));
        awaitEntry(won, "pending_review");
        wonStream.awaitAppendedSince(wonOpened, CommissionHeld.class, CommissionHoldReleased.class);

        String lost = paidAttributedCheckout(click("demo", "ADA30"));
        EventStream lostStream = EventStream.of(jdbc, awaitEntry(lost, "pending_review").path("entryId").asText());
        long lostOpened = lostStream.mark();
        String lostDispute = "dp_test_" + StripeEvents.newEventId().substring(9);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.created",
                StripeEvents.dispute(lostDispute, paymentIntentOf(lost), "needs_response", 900)));
        awaitEntry(lost, "on_hold");
        deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.dispute.closed",
                StripeEvents.dispute(lostDispute, paymentIntentOf(lost), "lost", 900)));
        assertThat(awaitEntry(lost, "reversed").path("net").path("amountMinor").asLong()).isZero();
        lostStream.awaitAppendedSince(lostOpened, CommissionHeld.class, CommissionReversalRecorded.class,
                CommissionReversed.class);
    }

    @Test
    void partnersAreRegisteredByOwnersWithConfirmation() {
        String code = "CODE" + UUID.randomUUID().toString().substring(0, 6);
        String partner = "partner-" + code.toLowerCase();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("partnerId", partner, "displayName", "New partner",
                "referralCode", code, "commissionBasisPoints", 1500));
        ApiClient.Response preview = api().post("/api/commerce/partners").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("partner"), "corr").json(body).send();
        assertThat(preview.json().path("requiredConfirmation").asText())
                .isEqualTo("Register partner " + partner + " with code " + code + " at 1500 basis points");
        body.put("confirmation", preview.json().path("requiredConfirmation").asText());
        assertThat(api().post("/api/commerce/partners").token(Tokens.AGENT).billing(ApiClient.uniqueKey("p"), "c")
                .json(body).send().status()).isEqualTo(403);
        ApiClient.Response created = api().post("/api/commerce/partners").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("partner"), "corr").json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ApiClient.Response duplicate = api().post("/api/commerce/partners").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("partner"), "corr").json(body).send();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(click("demo", code)).startsWith("clk_");
        assertThat(api().get("/api/commerce/partners").token(Tokens.AUDITOR).send().body()).contains(partner);
    }
}
