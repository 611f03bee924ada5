package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventRedriveRequested;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event that arrives before what it depends on (a refund before its payment) is retried a bounded number of
 * times (3 in the test profile), then stays dead-lettered until an owner re-drives it with confirmation.
 */
class DeadLetterRedriveTest extends WebhookTest {

    private ApiClient.Call redrive(String token, String evidenceId) {
        return api().post("/api/commerce/stripe/webhook-events/" + evidenceId + "/redrive").token(token)
                .billing(ApiClient.uniqueKey("redrive"), ApiClient.uniqueKey("corr-redrive"));
    }

    @Test
    void aRefundBeforeItsPaymentIsDeadLetteredThenReDriven() {
        String intent = openIntent();
        String evidenceId = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(intent), 900, 900, true))).json().path("evidenceId").asText();

        JsonNode dead = awaitEvidence(Tokens.OWNER, evidenceId, "dead-lettered");
        assertThat(dead.path("attempts").asInt()).isEqualTo(3);
        assertThat(dead.path("lastFailure").asText()).isEqualTo("payment_not_yet_recorded");
        assertThat(dead.path("subjectId").asText()).isEqualTo(intent);
        JsonNode letters = api().get("/api/commerce/stripe/dead-letters").token(Tokens.AUDITOR).send().json();
        assertThat(letters.toString()).doesNotContain("Exception").doesNotContain("NotYetRecorded");
        assertThat(letters.path("deadLetters").toString()).contains(evidenceId).doesNotContain("pi_test");
        assertThat(eventCount(intent, "CheckoutRefunded")).isZero();

        deliver(completed(intent));
        awaitIntent(intent, "paid");
        // attempts are used up: the retrier leaves it alone now that it could succeed
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(evidence(Tokens.OWNER, evidenceId).path("status").asText()).isEqualTo("dead-lettered"));

        assertThat(redrive(Tokens.AGENT, evidenceId).json(Map.of()).send().status()).isEqualTo(403);
        assertThat(redrive(Tokens.RIVAL_OWNER, evidenceId).header("If-Match", "\"1\"").json(Map.of()).send().status())
                .isEqualTo(404);

        String phrase = "Re-drive Stripe event " + evidenceId;
        ApiClient.Response preview = redrive(Tokens.OWNER, evidenceId).header("If-Match", "\"1\"").json(Map.of()).send();
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(phrase);
        assertThat(redrive(Tokens.OWNER, evidenceId).json(Map.of("confirmation", phrase)).send().status())
                .isEqualTo(428);
        ApiClient.Response stale = redrive(Tokens.OWNER, evidenceId).header("If-Match", "\"0\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(eventCount(intent, "CheckoutRefunded")).isZero();

        long version = evidence(Tokens.OWNER, evidenceId).path("version").asLong();
        ApiClient.Response done = redrive(Tokens.OWNER, evidenceId).header("If-Match", "\"" + version + "\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("letterProcessed").asBoolean()).isTrue();

        assertThat(awaitIntent(intent, "refunded").path("refunded").path("amountMinor").asLong()).isEqualTo(900);
        awaitEvidence(Tokens.OWNER, evidenceId, "processed");
        assertThat(eventCount(intent, "CheckoutRefunded")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE aggregate_identifier = ?",
                Long.class, evidenceId)).isZero();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api().get("/api/commerce/audit-entries?subjectId=" + evidenceId).token(Tokens.AUDITOR)
                        .send().json().path("entries").toString()).contains("webhook.redrive"));

        // once processed it cannot be re-driven again
        ApiClient.Response again = redrive(Tokens.OWNER, evidenceId).header("If-Match", "\"" + (version + 2) + "\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(again.status()).isEqualTo(409);
    }

    /**
     * Read-your-writes for a re-drive, which has no GET of its own: the owner's evidence listing right after the
     * 200 shows the evidence at the stream's last sequence, both when the letter failed again (still
     * dead-lettered, the request recorded) and when it was processed.
     */
    @Test
    void theListingRightAfterAReDriveShowsIt() {
        String intent = openIntent();
        String evidenceId = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(intent), 900, 900, true))).json().path("evidenceId").asText();
        EventStream stream = EventStream.of(jdbc, evidenceId);
        awaitEvidence(Tokens.OWNER, evidenceId, "dead-lettered");
        Map<String, String> confirmed = Map.of("confirmation", "Re-drive Stripe event " + evidenceId);

        // the payment is not recorded yet, so the letter fails again
        long before = stream.mark();
        ApiClient.Response failedAgain = redrive(Tokens.OWNER, evidenceId).header("If-Match", "\"" + before + "\"")
                .json(confirmed).send();
        JsonNode afterFailure = evidence(Tokens.OWNER, evidenceId);
        assertThat(failedAgain.status()).as(failedAgain.body()).isEqualTo(200);
        assertThat(failedAgain.json().path("letterProcessed").asBoolean()).isFalse();
        stream.expectAppendedSince(before, StripeEventRedriveRequested.class);
        assertThat(afterFailure.path("version").asLong()).isEqualTo(before + 1);
        assertThat(afterFailure.path("status").asText()).isEqualTo("dead-lettered");

        deliver(completed(intent));
        awaitIntent(intent, "paid");
        long requested = stream.mark();
        ApiClient.Response done = redrive(Tokens.OWNER, evidenceId).header("If-Match", "\"" + requested + "\"")
                .json(confirmed).send();
        JsonNode afterRedrive = evidence(Tokens.OWNER, evidenceId);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("letterProcessed").asBoolean()).isTrue();
        stream.expectAppendedSince(requested, StripeEventRedriveRequested.class, StripeEventConcluded.class);
        assertThat(afterRedrive.path("version").asLong()).isEqualTo(requested + 2);
        assertThat(afterRedrive.path("status").asText()).isEqualTo("processed");
        assertThat(afterRedrive.path("reason").asText()).isEqualTo("refunded");
    }

    @Test
    void aRefundBeforeItsPaymentSucceedsOnAnAutomaticRetryWhenThePaymentFollowsSoon() {
        String intent = openIntent();
        String evidenceId = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                StripeEvents.charge(paymentIntentOf(intent), 900, 400, false))).json().path("evidenceId").asText();
        deliver(completed(intent));
        awaitEvidence(Tokens.OWNER, evidenceId, "processed");
        // the checkout view is another processor than the evidence view: it may show the refund a moment later
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(awaitIntent(intent, "paid").path("refunded").path("amountMinor").asLong()).isEqualTo(400));
    }
}
