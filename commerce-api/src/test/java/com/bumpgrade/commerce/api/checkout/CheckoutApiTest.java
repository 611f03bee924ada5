package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.EventStream;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutStripeSessionExpiryRecorded;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CheckoutApiTest extends ServiceTest {
    static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    @AfterEach
    void stripeRecovers() {
        STRIPE.recover();
    }

    private static Map<String, Object> confirmed() {
        return Map.of("offerId", "launch-pass", "quantity", 1, "confirmation", PHRASE);
    }

    private ApiClient.Response checkout(String key, Object body) {
        return api().post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, "corr-" + key).json(body).send();
    }

    /** The stream the agent's request with this key would write to: ids derive from the request. */
    private EventStream intentOfKey(String key) {
        return EventStream.of(jdbc, CheckoutIntentId.derive(PublisherId.of("demo"), ActorId.of("agent-007"),
                IdempotencyKey.of(key)).value());
    }

    private JsonNode awaitIntent(String id, String status) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/checkout-intents/" + id).token(Tokens.AGENT).send();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo(status);
            seen[0] = response.json();
        });
        return seen[0];
    }

    @Test
    void previewWithoutConfirmationNamesThePhraseAndCallsNothing() {
        int callsBefore = STRIPE.calls().size();
        String key = ApiClient.uniqueKey("preview");

        ApiClient.Response response = checkout(key, Map.of("offerId", "launch-pass", "quantity", 1));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("preview");
        assertThat(body.path("requiredConfirmation").asText()).isEqualTo(PHRASE);
        assertThat(body.path("reason").asText()).isEqualTo("confirmation_required");
        assertThat(body.path("total").path("amountMinor").asLong()).isEqualTo(900);
        assertThat(body.path("total").path("currency").asText()).isEqualTo("USD");
        assertThat(body.path("lines")).hasSize(1);
        assertThat(body.has("checkoutIntentId")).isFalse();
        assertThat(STRIPE.calls()).hasSize(callsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE meta_data IS NOT NULL AND "
                + "convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + key + "%")).isZero();
        intentOfKey(key).expectExactly();
    }

    @Test
    void aDifferentPhraseIsOnlyAPreview() {
        int callsBefore = STRIPE.calls().size();
        String key = ApiClient.uniqueKey("mismatch");
        ApiClient.Response response = checkout(key, Map.of("offerId", "launch-pass",
                "confirmation", "Create checkout for Bumpgrade launch pass at 1.00 USD"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("preview");
        assertThat(response.json().path("reason").asText()).isEqualTo("confirmation_mismatch");
        assertThat(STRIPE.calls()).hasSize(callsBefore);
        intentOfKey(key).expectExactly();
    }

    @Test
    void confirmedCheckoutOpensOneSessionAndRedirectsThroughBumpgrade() {
        String key = ApiClient.uniqueKey("open");
        ApiClient.Response response = checkout(key, confirmed());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        String id = body.path("checkoutIntentId").asText();
        assertThat(id).matches("chk_[0-9a-f]{32}");
        assertThat(body.path("status").asText()).isEqualTo("open");
        assertThat(body.path("checkoutUrl").asText()).isEqualTo(api().base() + "/checkout/" + id);

        List<FakeStripe.Call> creates = STRIPE.sessionCreatesFor(id);
        assertThat(creates).hasSize(1);
        FakeStripe.Call call = creates.get(0);
        assertThat(call.header("Stripe-Version")).isEqualTo("2026-04-22.dahlia");
        assertThat(call.header("Idempotency-Key")).isEqualTo("bumpgrade-checkout-" + id + "-attempt-1");
        assertThat(call.header("Authorization")).isEqualTo("Bearer sk_test_bumpgradeFakeKeyForTests000");
        assertThat(call.form()).containsEntry("mode", "payment")
                .containsEntry("client_reference_id", id)
                .containsEntry("metadata[bumpgrade_checkout_intent_id]", id)
                .containsEntry("metadata[bumpgrade_publisher_id]", "demo")
                .containsEntry("payment_intent_data[metadata][bumpgrade_checkout_intent_id]", id)
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][unit_amount]", "900")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][product_data][name]", "Bumpgrade launch pass")
                .containsEntry("success_url", api().base() + "/checkout/" + id + "/return?result=success");

        JsonNode view = awaitIntent(id, "open");
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(view.path("offerId").asText()).isEqualTo("launch-pass");
        assertThat(view.path("total").path("amountMinor").asLong()).isEqualTo(900);
        assertThat(view.path("source").path("startedBy").asText()).isEqualTo("agent-007");
        assertThat(view.path("source").path("correlationId").asText()).isEqualTo("corr-" + key);
        assertThat(view.toString()).doesNotContain("cs_test_");

        // The recorded intent came before the Stripe call: CheckoutStarted is sequence 0, the session sequence 1.
        EventStream.of(jdbc, id).expectExactly(CheckoutStarted.class, CheckoutSessionOpened.class);

        ApiClient.Response redirect = api().get("/checkout/" + id).send();
        assertThat(redirect.status()).isEqualTo(303);
        String sessionUrl = STRIPE.sessions().values().stream()
                .filter(s -> id.equals(s.path("client_reference_id").asText()))
                .findFirst().orElseThrow().path("url").asText();
        assertThat(redirect.header("Location")).isEqualTo(sessionUrl);
    }

    /** The buyer follows checkoutUrl at once, the agent reads the intent at once: neither sees the view lag. */
    @Test
    void twentyConcurrentCheckoutsRedirectAndReadBackTheMomentTheyAreCreated() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response[]>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = ApiClient.uniqueKey("follow-" + i);
            futures.add(pool.submit(() -> {
                start.await();
                ApiClient.Response created = checkout(key, confirmed());
                String url = created.json().path("checkoutUrl").asText();
                String id = created.json().path("checkoutIntentId").asText();
                return new ApiClient.Response[] {created, api().get(url.substring(api().base().length())).send(),
                        api().get("/api/commerce/checkout-intents/" + id).token(Tokens.AGENT).send()};
            }));
        }
        start.countDown();
        for (Future<ApiClient.Response[]> future : futures) {
            ApiClient.Response[] answers = future.get();
            assertThat(answers[0].status()).as(answers[0].body()).isEqualTo(201);
            String id = answers[0].json().path("checkoutIntentId").asText();
            assertThat(answers[1].status()).as("redirect of " + id + ": " + answers[1].body()).isEqualTo(303);
            assertThat(answers[1].header("Location")).isEqualTo(STRIPE.sessions().values().stream()
                    .filter(s -> id.equals(s.path("client_reference_id").asText()))
                    .findFirst().orElseThrow().path("url").asText());
            // read-your-writes: the intent as the 201 left it, not the view's earlier state
            assertThat(answers[2].status()).as(answers[2].body()).isEqualTo(200);
            assertThat(answers[2].json().path("status").asText()).as(id).isEqualTo("open");
            assertThat(answers[2].json().path("version").asLong()).as(id).isEqualTo(1);
        }
        pool.shutdown();
    }

    @Test
    void eightIdenticalConcurrentRequestsCreateExactlyOneSession() throws Exception {
        String key = ApiClient.uniqueKey("burst");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<ApiClient.Response> task = () -> {
                start.await();
                return checkout(key, confirmed());
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(201);
        assertThat(responses).extracting(ApiClient.Response::body).containsOnly(responses.get(0).body());
        String id = responses.get(0).json().path("checkoutIntentId").asText();
        assertThat(STRIPE.sessionCreatesFor(id)).hasSize(1);
        assertThat(eventCount(id, "CheckoutStarted")).isEqualTo(1);
        assertThat(eventCount(id, "CheckoutSessionOpened")).isEqualTo(1);
    }

    @Test
    void aReplayedKeyReturnsTheFirstAnswerAndAReusedKeyIsRefused() {
        String key = ApiClient.uniqueKey("replay");
        ApiClient.Response first = checkout(key, confirmed());
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().path("checkoutIntentId").asText();
        EventStream stream = EventStream.of(jdbc, id);
        stream.expectExactly(CheckoutStarted.class, CheckoutSessionOpened.class);
        long opened = stream.mark();

        ApiClient.Response again = checkout(key, confirmed());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        ApiClient.Response other = checkout(key, Map.of("offerId", "launch-pass", "quantity", 2,
                "confirmation", "Create checkout for 2 x Bumpgrade launch pass at 18.00 USD"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorCode()).isEqualTo("idempotency_key_reused");

        // A preview with the used key is refused too: the key belongs to the first request.
        ApiClient.Response preview = checkout(key, Map.of("offerId", "launch-pass"));
        assertThat(preview.status()).isEqualTo(422);

        assertThat(STRIPE.sessionCreatesFor(id)).hasSize(1);
        assertThat(eventCount(id, "CheckoutStarted")).isEqualTo(1);
        stream.expectNothingSince(opened);
    }

    @Test
    void orderBumpsBecomeLineItemsAndChangeThePhrase() {
        Map<String, Object> request = Map.of("offerId", "launch-pass", "quantity", 2,
                "orderBumpOfferIds", List.of("launch-templates"));
        ApiClient.Response preview = checkout(ApiClient.uniqueKey("bump"), request);
        assertThat(preview.json().path("requiredConfirmation").asText())
                .isEqualTo("Create checkout for 2 x Bumpgrade launch pass + Bumpgrade launch templates at 23.00 USD");

        ApiClient.Response opened = checkout(ApiClient.uniqueKey("bump"), Map.of("offerId", "launch-pass",
                "quantity", 2, "orderBumpOfferIds", List.of("launch-templates"),
                "confirmation", preview.json().path("requiredConfirmation").asText()));
        assertThat(opened.status()).isEqualTo(201);
        FakeStripe.Call call = STRIPE.sessionCreatesFor(opened.json().path("checkoutIntentId").asText()).get(0);
        assertThat(call.form()).containsEntry("line_items[0][quantity]", "2")
                .containsEntry("line_items[1][quantity]", "1")
                .containsEntry("line_items[1][price_data][unit_amount]", "500");
    }

    @Test
    void aStaleIfMatchChangesNothingAndTheCurrentOneExpires() {
        String id = checkout(ApiClient.uniqueKey("expire"), confirmed()).json().path("checkoutIntentId").asText();
        awaitIntent(id, "open");
        String phrase = "Expire checkout " + id;
        EventStream stream = EventStream.of(jdbc, id);
        long opened = stream.mark();

        ApiClient.Response missing = api().post("/api/commerce/checkout-intents/" + id + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("exp"), "corr-exp").json(Map.of("confirmation", phrase)).send();
        assertThat(missing.status()).isEqualTo(428);

        ApiClient.Response stale = api().post("/api/commerce/checkout-intents/" + id + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("exp"), "corr-exp").header("If-Match", "\"0\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("stale_version");
        ApiClient.Response future = api().post("/api/commerce/checkout-intents/" + id + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("exp"), "corr-exp").header("If-Match", "\"7\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(future.status()).isEqualTo(412);
        assertThat(eventCount(id, "CheckoutExpired")).isZero();
        assertThat(awaitIntent(id, "open").path("version").asLong()).isEqualTo(1);

        ApiClient.Response preview = api().post("/api/commerce/checkout-intents/" + id + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("exp"), "corr-exp").header("If-Match", "\"1\"")
                .json(Map.of()).send();
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(phrase);
        assertThat(eventCount(id, "CheckoutExpired")).isZero();
        // neither the refusals nor the preview appended anything
        stream.expectNothingSince(opened);

        ApiClient.Response expired = api().post("/api/commerce/checkout-intents/" + id + "/expire").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("exp"), "corr-exp").header("If-Match", "\"1\"")
                .json(Map.of("confirmation", phrase)).send();
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        assertThat(expired.json().path("status").asText()).isEqualTo("expired");
        assertThat(expired.json().path("stripeSessionExpired").asBoolean()).isTrue();
        // the expiry, then what Stripe answered when its session was expired too (audited as its outcome)
        stream.expectAppendedSince(opened, CheckoutExpired.class, CheckoutStripeSessionExpiryRecorded.class);
        // read-your-writes: the very next GET shows the expiry, without waiting on the client side
        JsonNode readBack = api().get("/api/commerce/checkout-intents/" + id).token(Tokens.AGENT).send().json();
        assertThat(readBack.path("status").asText()).isEqualTo("expired");
        assertThat(readBack.path("version").asLong()).isEqualTo(3);
        assertThat(awaitIntent(id, "expired").path("version").asLong()).isEqualTo(3);
        JsonNode outcome = await().atMost(Duration.ofSeconds(15)).until(() -> api()
                .get("/api/commerce/audit-entries?subjectId=" + id + "&action=checkout.expire.stripe")
                .token(Tokens.OWNER).send().json().path("entries"), entries -> entries.size() == 1).get(0);
        assertThat(List.of(outcome.path("result").asText(), outcome.path("actor").asText(),
                outcome.path("client").asText(), outcome.path("correlationId").asText()))
                .containsExactly("expired", "agent-007", "api-test", "corr-exp");
        // a closed checkout answers like an unknown one (no existence oracle on the public route)
        assertThat(api().get("/checkout/" + id).send().body())
                .isEqualTo(api().get("/checkout/chk_" + "0".repeat(32)).send().body());
    }

    @Test
    void anotherPublishersTokenSeesTheIntentAsMissing() {
        String id = checkout(ApiClient.uniqueKey("scope"), confirmed()).json().path("checkoutIntentId").asText();
        awaitIntent(id, "open");
        EventStream stream = EventStream.of(jdbc, id);
        long opened = stream.mark();

        ApiClient.Response foreign = api().get("/api/commerce/checkout-intents/" + id).token(Tokens.RIVAL_AGENT).send();
        ApiClient.Response absent = api().get("/api/commerce/checkout-intents/chk_" + "0".repeat(32))
                .token(Tokens.RIVAL_AGENT).send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(absent.body());

        ApiClient.Response foreignExpire = api().post("/api/commerce/checkout-intents/" + id + "/expire")
                .token(Tokens.RIVAL_OWNER).billing(ApiClient.uniqueKey("rival"), "corr-rival")
                .header("If-Match", "\"1\"").json(Map.of("confirmation", "Expire checkout " + id)).send();
        assertThat(foreignExpire.status()).isEqualTo(404);
        assertThat(eventCount(id, "CheckoutExpired")).isZero();
        stream.expectNothingSince(opened);
    }

    @Test
    void stripeServerErrorsGiveACleanBadGatewayAndARetryWithTheSameKeyOpens() {
        STRIPE.failAlways(FakeStripe.Failure.SERVER_ERROR);
        String key = ApiClient.uniqueKey("stripe-500");
        ApiClient.Response failed = checkout(key, confirmed());

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.errorCode()).isEqualTo("stripe_unavailable");
        assertThat(failed.body()).doesNotContain("Leaky").doesNotContain("req_").doesNotContain("price_1");
        String id = failed.json().path("checkoutIntentId").asText();
        // stripe-java retried twice with the same key before giving up
        assertThat(STRIPE.sessionCreatesFor(id)).hasSize(3)
                .extracting(c -> c.header("Idempotency-Key")).containsOnly("bumpgrade-checkout-" + id + "-attempt-1");
        assertThat(awaitIntent(id, "session_failed").path("lastFailure").asText()).isEqualTo("stripe_unavailable");
        EventStream stream = EventStream.of(jdbc, id);
        stream.expectExactly(CheckoutStarted.class, CheckoutSessionFailed.class);
        long failedAt = stream.mark();

        STRIPE.recover();
        ApiClient.Response retried = checkout(key, confirmed());
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json().path("checkoutIntentId").asText()).isEqualTo(id);
        List<FakeStripe.Call> creates = STRIPE.sessionCreatesFor(id);
        assertThat(creates).hasSize(4);
        assertThat(creates.get(3).header("Idempotency-Key")).isEqualTo("bumpgrade-checkout-" + id + "-attempt-2");
        assertThat(eventCount(id, "CheckoutStarted")).isEqualTo(1);
        assertThat(eventCount(id, "CheckoutSessionFailed")).isEqualTo(1);
        assertThat(eventCount(id, "CheckoutSessionOpened")).isEqualTo(1);
        assertThat(awaitIntent(id, "open").path("sessionAttempts").asInt()).isEqualTo(2);
        stream.expectAppendedSince(failedAt, CheckoutSessionOpened.class);
        long reopened = stream.mark();

        ApiClient.Response replay = checkout(key, confirmed());
        assertThat(replay.body()).isEqualTo(retried.body());
        assertThat(STRIPE.sessionCreatesFor(id)).hasSize(4);
        stream.expectNothingSince(reopened);
    }

    @Test
    void stripeRejectionsTimeoutsAndGarbageAreCleanBadGateways() {
        for (FakeStripe.Failure failure : List.of(FakeStripe.Failure.BAD_REQUEST, FakeStripe.Failure.TIMEOUT,
                FakeStripe.Failure.MALFORMED, FakeStripe.Failure.RATE_LIMITED)) {
            STRIPE.failAlways(failure);
            ApiClient.Response response = checkout(ApiClient.uniqueKey("stripe-" + failure), confirmed());
            assertThat(response.status()).as(failure + ": " + response.body()).isEqualTo(502);
            assertThat(response.errorCode()).isEqualTo("stripe_unavailable");
            assertThat(response.body()).doesNotContain("Leaky").doesNotContain("html").doesNotContain("req_");
            String id = response.json().path("checkoutIntentId").asText();
            String expected = switch (failure) {
                case BAD_REQUEST -> "stripe_rejected";
                case TIMEOUT -> "timeout";
                case MALFORMED -> "malformed_response";
                case RATE_LIMITED -> "rate_limited";
                default -> throw new IllegalStateException();
            };
            assertThat(awaitIntent(id, "session_failed").path("lastFailure").asText()).isEqualTo(expected);
            STRIPE.recover();
        }
    }
}
