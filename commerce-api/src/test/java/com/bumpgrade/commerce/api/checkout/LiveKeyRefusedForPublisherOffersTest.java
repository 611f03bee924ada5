package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Publisher offers never reach Stripe with a live key. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "stripe.secret-key=sk_live_notARealKeyButLiveShaped")
class LiveKeyRefusedForPublisherOffersTest extends ServiceTest {

    @Test
    void liveKeyKeepsPublisherOffersInPreview() {
        int before = STRIPE.calls().size();
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("live"), "c")
                .json(Map.of("offerId", "launch-pass", "confirmation", CheckoutApiTest.PHRASE)).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("reason").asText()).isEqualTo("live_key_refused");
        assertThat(response.body()).doesNotContain("sk_live");
        assertThat(STRIPE.calls()).hasSize(before);
    }

    @Test
    void livePlansStayPreviewUnlessEnabled() {
        int before = STRIPE.calls().size();
        ApiClient.Response response = api().post("/api/commerce/plans/creator-plan/checkout").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("plan-live"), "c")
                .json(Map.of("confirmation", PlanCheckoutTest.PHRASE)).send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("reason").asText()).isEqualTo("live_plans_disabled");
        assertThat(STRIPE.calls()).hasSize(before);
    }
}
