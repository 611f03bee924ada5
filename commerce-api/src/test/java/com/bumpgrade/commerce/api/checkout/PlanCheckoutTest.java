package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Owners subscribe their own publisher to a Bumpgrade plan (sandbox key here). */
class PlanCheckoutTest extends ServiceTest {
    static final String PHRASE = "Subscribe demo to Bumpgrade creator plan at 29.00 USD per month";

    @Test
    void ownersStartAPlanSubscriptionCheckoutForTheirPublisher() {
        ApiClient.Response preview = api().post("/api/commerce/plans/creator-plan/checkout").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("plan"), "corr-plan").json(Map.of()).send();
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("requiredConfirmation").asText()).isEqualTo(PHRASE);
        assertThat(preview.json().path("interval").asText()).isEqualTo("month");

        ApiClient.Response opened = api().post("/api/commerce/plans/creator-plan/checkout").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("plan"), "corr-plan").json(Map.of("confirmation", PHRASE)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        FakeStripe.Call call = STRIPE.sessionCreatesFor(intent).get(0);
        assertThat(call.form()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][unit_amount]", "2900")
                .containsEntry("metadata[bumpgrade_publisher_id]", "demo");
        assertThat(api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.OWNER).send().status())
                .isEqualTo(200); // the subscribing publisher's intent

        assertThat(api().post("/api/commerce/plans/creator-plan/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("plan"), "c").json(Map.of("confirmation", PHRASE)).send().status())
                .isEqualTo(403);
        ApiClient.Response unknown = api().post("/api/commerce/plans/launch-pass/checkout").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("plan"), "c").json(Map.of()).send();
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo("unknown_plan");
    }

    /**
     * Read-your-writes under load: each of 20 concurrent plan checkouts reads its intent back right after its 201
     * (open, version 1, as the 201 left it), and its buyer link redirects at once.
     */
    @Test
    void twentyConcurrentPlanCheckoutsReadBackTheMomentTheyAreCreated() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response[]>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = ApiClient.uniqueKey("plan-ryw-" + i);
            futures.add(pool.submit(() -> {
                start.await();
                ApiClient.Response created = api().post("/api/commerce/plans/creator-plan/checkout")
                        .token(Tokens.OWNER).billing(key, "corr-" + key).json(Map.of("confirmation", PHRASE)).send();
                String id = created.json().path("checkoutIntentId").asText();
                return new ApiClient.Response[] {created,
                        api().get("/api/commerce/checkout-intents/" + id).token(Tokens.OWNER).send(),
                        api().get("/checkout/" + id).send()};
            }));
        }
        start.countDown();
        try {
            for (Future<ApiClient.Response[]> future : futures) {
                ApiClient.Response[] answers = future.get();
                assertThat(answers[0].status()).as(answers[0].body()).isEqualTo(201);
                String id = answers[0].json().path("checkoutIntentId").asText();
                assertThat(answers[1].status()).as("GET of " + id + ": " + answers[1].body()).isEqualTo(200);
                assertThat(answers[1].json().path("status").asText()).as(id).isEqualTo("open");
                assertThat(answers[1].json().path("mode").asText()).as(id).isEqualTo("subscription");
                assertThat(answers[1].json().path("version").asLong()).as(id).isEqualTo(1);
                assertThat(answers[1].header("ETag")).as(id).isEqualTo("\"1\"");
                assertThat(answers[2].status()).as("redirect of " + id + ": " + answers[2].body()).isEqualTo(303);
            }
        } finally {
            pool.shutdown();
        }
    }
}
