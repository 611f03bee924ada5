package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With a live key and live plans enabled: plans go live, publisher offers still never do. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {"stripe.secret-key=sk_live_notARealKeyButLiveShaped",
        "bumpgrade.plans.live-enabled=true"})
class LivePlansEnabledTest extends WebhookTest {

    @Test
    void livePlansAreAcceptedOnlyForPlansAndOnlyPaidByLiveEvents() {
        ApiClient.Response offer = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("live"), "c").json(Map.of("offerId", "launch-pass",
                        "confirmation", PHRASE)).send();
        assertThat(offer.json().path("reason").asText()).isEqualTo("live_key_refused");

        ApiClient.Response plan = api().post("/api/commerce/plans/creator-plan/checkout").token(Tokens.OWNER)
                .billing(ApiClient.uniqueKey("live-plan"), "c")
                .json(Map.of("confirmation", PlanCheckoutTest.PHRASE)).send();
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        String intent = plan.json().path("checkoutIntentId").asText();
        assertThat(STRIPE.sessionCreatesFor(intent).get(0).header("Authorization"))
                .isEqualTo("Bearer sk_live_notARealKeyButLiveShaped");

        String testEvent = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intent,
                s -> s.put("livemode", false))).json().path("evidenceId").asText();
        assertThat(awaitEvidence(Tokens.OWNER, testEvent, "rejected").path("reason").asText())
                .isEqualTo("livemode_mismatch");
        deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intent,
                s -> s.put("livemode", true)));
        awaitIntent(intent, "paid");
    }
}
