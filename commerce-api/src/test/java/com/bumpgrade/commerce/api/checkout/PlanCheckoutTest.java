package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
                .isIn(200, 404); // visible to the subscribing publisher once projected

        assertThat(api().post("/api/commerce/plans/creator-plan/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("plan"), "c").json(Map.of("confirmation", PHRASE)).send().status())
                .isEqualTo(403);
        ApiClient.Response unknown = api().post("/api/commerce/plans/launch-pass/checkout").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("plan"), "c").json(Map.of()).send();
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo("unknown_plan");
    }
}
