package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.StripeEvents;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/commerce/entitlements?customerId=bgc_…: a buyer's entitlements, within the caller's publisher. */
class EntitlementsOfCustomerApiTest extends WebhookTest {

    private String paidBy(String stripeCustomer) {
        String intent = openIntent();
        String event = sessionEvent(StripeEvents.newEventId(), "checkout.session.completed", intent,
                s -> s.put("customer", stripeCustomer));
        assertThat(deliver(event).status()).isEqualTo(200);
        return intent;
    }

    private JsonNode grantsOf(String token, String intent) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response response = api().get("/api/commerce/entitlements?checkoutIntentId=" + intent)
                    .token(token).send();
            assertThat(response.json().path("entitlements")).hasSize(1);
            seen[0] = response.json().path("entitlements").get(0);
        });
        return seen[0];
    }

    private ApiClient.Response ofCustomer(String token, String customer) {
        return api().get("/api/commerce/entitlements?customerId=" + customer).token(token).send();
    }

    private static List<String> ids(ApiClient.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().path("entitlements").forEach(e -> ids.add(e.path("entitlementId").asText()));
        return ids;
    }

    @Test
    void aBuyersEntitlementsNewestFirstAndNoOneElses() {
        String buyer = "cus_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        JsonNode first = grantsOf(Tokens.AGENT, paidBy(buyer));
        JsonNode second = grantsOf(Tokens.AGENT, paidBy(buyer));
        JsonNode someoneElse = grantsOf(Tokens.AGENT, paidBy("cus_test_someoneelse0001"));
        String customer = first.path("subject").asText();
        assertThat(second.path("subject").asText()).isEqualTo(customer);
        assertThat(someoneElse.path("subject").asText()).isNotEqualTo(customer);

        ApiClient.Response found = ofCustomer(Tokens.AUDITOR, customer);
        assertThat(found.status()).isEqualTo(200);
        assertThat(ids(found)).containsExactlyInAnyOrder(second.path("entitlementId").asText(),
                first.path("entitlementId").asText());
        // newest first (grant times come from Stripe's event time, whole seconds, so they may be equal)
        JsonNode listed = found.json().path("entitlements");
        assertThat(java.time.Instant.parse(listed.get(0).path("grantedAt").asText()))
                .isAfterOrEqualTo(java.time.Instant.parse(listed.get(1).path("grantedAt").asText()));
        found.json().path("entitlements").forEach(e -> assertThat(e.path("subject").asText()).isEqualTo(customer));
        assertThat(found.body()).doesNotContain("cus_").doesNotContain(buyer);
    }

    @Test
    void anotherPublisherSeesNothingOfTheBuyer() {
        String customer = grantsOf(Tokens.AGENT, paidBy("cus_test_foreignview001")).path("subject").asText();
        assertThat(ofCustomer(Tokens.OWNER, customer).json().path("entitlements")).isNotEmpty();
        ApiClient.Response rival = ofCustomer(Tokens.RIVAL_OWNER, customer);
        assertThat(rival.status()).isEqualTo(200);
        assertThat(rival.json().path("entitlements")).isEmpty();
        assertThat(ofCustomer(Tokens.AGENT, "bgc_" + "0".repeat(32)).json().path("entitlements")).isEmpty();
    }

    @Nested
    class BadInput {
        private void refused(String query, String code) {
            ApiClient.Response response = api().get("/api/commerce/entitlements" + query).token(Tokens.AGENT).send();
            assertThat(response.status()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo(code);
        }

        @Test
        void exactlyOneFilter() {
            refused("", "invalid_entitlement_filter");
            refused("?customerId=bgc_" + "0".repeat(32) + "&checkoutIntentId=chk_" + "0".repeat(32),
                    "invalid_entitlement_filter");
        }

        @Test
        void malformedIds() {
            refused("?customerId=cus_test_raw", "invalid_customer_id");
            refused("?customerId=bgc_ABC", "invalid_customer_id");
            refused("?customerId=", "invalid_customer_id");
            refused("?checkoutIntentId=nope", "invalid_checkout_intent_id");
        }

        @Test
        void theOperatorHasNoPublisher() {
            assertThat(api().get("/api/commerce/entitlements?customerId=bgc_" + "0".repeat(32))
                    .token(Tokens.OPERATOR).send().status()).isEqualTo(403);
        }
    }
}
