package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who sees and re-drives which webhook evidence: a publisher's owners and auditors only their publisher's, the
 * platform operator only the evidence attributed to no publisher, and a re-drive only the owner. Attribution
 * comes from Bumpgrade's own records, never from metadata, and failures are shown as stable codes.
 */
class WebhookEvidenceAccessTest extends WebhookTest {
    private static final String MISSING = "whk_00000000000000000000000000000000";
    private static final String CODE = "[a-z0-9_]{1,64}";

    private ApiClient.Response redrive(String token, String evidenceId) {
        return api().post("/api/commerce/stripe/webhook-events/" + evidenceId + "/redrive").token(token)
                .billing(ApiClient.uniqueKey("redrive"), ApiClient.uniqueKey("corr-redrive"))
                .header("If-Match", "\"1\"").json(Map.of("confirmation", "Re-drive Stripe event " + evidenceId)).send();
    }

    private JsonNode awaitFailing(String token, String evidenceId, Duration within) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(within).untilAsserted(() -> {
            JsonNode found = evidence(token, evidenceId);
            assertThat(found).as("evidence " + evidenceId).isNotNull();
            assertThat(found.path("status").asText()).isIn("failed", "dead-lettered");
            seen[0] = found;
        });
        return seen[0];
    }

    private String list(String token, String path) {
        ApiClient.Response response = api().get(path).token(token).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static void assertNoJavaNames(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("Unavailable").doesNotContain("NotYetRecorded")
                .doesNotContain("java.").doesNotContain("com.");
    }

    @Test
    void unattributedEvidenceIsTheOperatorsAndCannotBeReDrivenByAPublisher() {
        String demoEvidence = deliver(completed(openIntent())).json().path("evidenceId").asText();
        awaitEvidence(Tokens.OWNER, demoEvidence, "processed");

        // a refund of a payment Bumpgrade has not linked, while Stripe cannot be asked whose it is
        STRIPE.failAlways(FakeStripe.Failure.SERVER_ERROR);
        String orphan;
        JsonNode failing;
        try {
            orphan = deliver(StripeEvents.event(StripeEvents.newEventId(), "charge.refunded",
                    StripeEvents.charge("pi_test_notLinkedYet0000001", 900, 900, true))).json()
                    .path("evidenceId").asText();
            failing = awaitFailing(Tokens.OPERATOR, orphan, Duration.ofSeconds(40));
        } finally {
            STRIPE.recover();
        }
        assertThat(failing.has("publisherId")).isFalse();
        assertThat(failing.path("lastFailure").asText()).isEqualTo("stripe_unavailable");
        String operatorEvents = list(Tokens.OPERATOR, "/api/commerce/stripe/webhook-events?limit=500");
        String operatorLetters = list(Tokens.OPERATOR, "/api/commerce/stripe/dead-letters?limit=500");
        assertThat(operatorLetters).contains(orphan);
        assertThat(operatorEvents + operatorLetters).doesNotContain(demoEvidence);
        assertNoJavaNames(operatorEvents + operatorLetters);

        for (String publisherToken : new String[]{Tokens.OWNER, Tokens.AUDITOR, Tokens.RIVAL_OWNER,
                Tokens.RIVAL_AUDITOR}) {
            assertThat(evidence(publisherToken, orphan)).as(publisherToken).isNull();
            assertThat(list(publisherToken, "/api/commerce/stripe/dead-letters?limit=500")).as(publisherToken)
                    .doesNotContain(orphan);
        }
        assertThat(evidence(Tokens.RIVAL_AUDITOR, demoEvidence)).isNull();
        assertThat(evidence(Tokens.AUDITOR, demoEvidence)).isNotNull();

        // re-drive: owners only, and only their own publisher's evidence
        for (String token : new String[]{Tokens.AUDITOR, Tokens.RIVAL_AUDITOR, Tokens.OPERATOR, Tokens.AGENT}) {
            ApiClient.Response refused = redrive(token, orphan);
            assertThat(refused.status()).as(token + " " + refused.body()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("forbidden");
        }
        ApiClient.Response missing = redrive(Tokens.OWNER, MISSING);
        assertThat(missing.status()).isEqualTo(404);
        for (String[] foreign : new String[][]{{Tokens.OWNER, orphan}, {Tokens.RIVAL_OWNER, orphan},
                {Tokens.RIVAL_OWNER, demoEvidence}}) {
            ApiClient.Response response = redrive(foreign[0], foreign[1]);
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(missing.body());
        }
        assertThat(eventCount(orphan, "StripeEventRedriveRequested")).isZero();
    }

    @Test
    void sessionMetadataNamingAnotherPublisherDoesNotAttributeTheEvidence() {
        String intent = openIntent();
        String evidenceId = deliver(sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intent,
                s -> {
                    s.put("payment_status", "unpaid");
                    ((ObjectNode) s.path("metadata")).put("bumpgrade_publisher_id", "rival");
                })).json().path("evidenceId").asText();

        JsonNode seen = awaitEvidence(Tokens.OWNER, evidenceId, "ignored");
        assertThat(seen.path("publisherId").asText()).isEqualTo("demo");
        assertThat(seen.path("reason").asText()).isEqualTo("payment_pending");
        assertThat(evidence(Tokens.RIVAL_OWNER, evidenceId)).isNull();
        assertThat(evidence(Tokens.RIVAL_AUDITOR, evidenceId)).isNull();
        assertThat(evidence(Tokens.OPERATOR, evidenceId)).isNull();
    }

    @Test
    void aBillingEventBeforeItsPaymentIsTheIntentsPublishersWithAStableFailureCode() {
        String phrase = "Create checkout for Bumpgrade demo membership at 15.00 USD per month";
        ApiClient.Response opened = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("sub"), "corr-sub")
                .json(Map.of("offerId", "demo-membership", "confirmation", phrase)).send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String intent = opened.json().path("checkoutIntentId").asText();
        String subscription = STRIPE.sessionOf(intent).path("subscription").asText();
        STRIPE.setSubscriptionStatus(subscription, "active");
        // the subscription's metadata is not Bumpgrade's record of who sold it
        STRIPE.putSubscriptionMetadata(subscription, "bumpgrade_publisher_id", "rival");

        String early = deliver(StripeEvents.event(StripeEvents.newEventId(), "customer.subscription.updated",
                STRIPE.subscription(subscription))).json().path("evidenceId").asText();
        JsonNode failing = awaitFailing(Tokens.OWNER, early, Duration.ofSeconds(20));
        assertThat(failing.path("publisherId").asText()).isEqualTo("demo");
        assertThat(failing.path("subjectId").asText()).isEqualTo(intent);
        assertThat(failing.path("lastFailure").asText()).isEqualTo("entitlement_not_yet_granted");
        String ownerEvents = list(Tokens.OWNER, "/api/commerce/stripe/webhook-events?limit=500");
        String ownerLetters = list(Tokens.OWNER, "/api/commerce/stripe/dead-letters?limit=500");
        assertThat(ownerLetters).contains(early);
        assertNoJavaNames(ownerEvents + ownerLetters);
        for (JsonNode event : api().get("/api/commerce/stripe/dead-letters?limit=500").token(Tokens.OWNER).send()
                .json().path("deadLetters")) {
            assertThat(event.path("lastFailure").asText()).matches(CODE);
        }
        assertThat(evidence(Tokens.RIVAL_OWNER, early)).isNull();
        assertThat(evidence(Tokens.RIVAL_AUDITOR, early)).isNull();
        assertThat(evidence(Tokens.OPERATOR, early)).isNull();

        deliver(completed(intent));
        awaitIntent(intent, "paid");
        String later = deliver(StripeEvents.event(StripeEvents.newEventId(), "customer.subscription.updated",
                STRIPE.subscription(subscription))).json().path("evidenceId").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode found = evidence(Tokens.OWNER, later);
            assertThat(found).isNotNull();
            assertThat(found.path("status").asText()).isIn("processed", "ignored");
            assertThat(found.path("publisherId").asText()).isEqualTo("demo");
        });
        assertThat(evidence(Tokens.RIVAL_OWNER, later)).isNull();
    }
}
