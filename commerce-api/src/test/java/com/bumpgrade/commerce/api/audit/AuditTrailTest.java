package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditTrailTest extends ServiceTest {

    private String openCheckout(String correlationId) {
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("audit"), correlationId)
                .json(Map.of("offerId", "launch-pass", "confirmation",
                        "Create checkout for Bumpgrade launch pass at 9.00 USD")).send();
        assertThat(response.status()).isEqualTo(201);
        return response.json().path("checkoutIntentId").asText();
    }

    private JsonNode entries(String token, String correlationId) {
        ApiClient.Response response = api().get("/api/commerce/audit-entries?correlationId=" + correlationId)
                .token(token).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json().path("entries");
    }

    @Test
    void everyActionAndOutcomeIsAuditedWithoutRawValues() {
        String correlation = ApiClient.uniqueKey("corr-audit");
        String id = openCheckout(correlation);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(entries(Tokens.AUDITOR, correlation)).hasSize(2));
        JsonNode entries = entries(Tokens.AUDITOR, correlation);
        JsonNode start = entries.get(0);
        assertThat(start.path("action").asText()).isEqualTo("checkout.start");
        assertThat(start.path("result").asText()).isEqualTo("accepted");
        assertThat(start.path("actor").asText()).isEqualTo("agent-007");
        assertThat(start.path("actorRole").asText()).isEqualTo("agent");
        assertThat(start.path("client").asText()).isEqualTo("api-test");
        assertThat(start.path("subjectId").asText()).isEqualTo(id);
        assertThat(start.path("detail").path("totalMinor").asLong()).isEqualTo(900);
        JsonNode opened = entries.get(1);
        assertThat(opened.path("action").asText()).isEqualTo("checkout.session.create");
        assertThat(opened.path("result").asText()).isEqualTo("succeeded");
        assertThat(opened.path("previousHash").asText()).isEqualTo(start.path("entryHash").asText());
        assertThat(entries.toString()).doesNotContain("cs_test").doesNotContain("checkout.stripe.com");

        assertThat(entries(Tokens.OWNER, correlation)).hasSize(2);
        ApiClient.Response bySubject = api().get("/api/commerce/audit-entries?subjectId=" + id).token(Tokens.OWNER).send();
        assertThat(bySubject.json().path("entries")).hasSize(2);
    }

    @Test
    void agentsCannotReadTheTrailAndOtherPublishersSeeNothing() {
        String correlation = ApiClient.uniqueKey("corr-scope");
        openCheckout(correlation);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(entries(Tokens.AUDITOR, correlation)).hasSize(2));

        ApiClient.Response agent = api().get("/api/commerce/audit-entries?correlationId=" + correlation)
                .token(Tokens.AGENT).send();
        assertThat(agent.status()).isEqualTo(403);
        assertThat(entries(Tokens.RIVAL_OWNER, correlation)).isEmpty();
    }

    @Test
    void theHashChainDetectsAnEditedEntry() {
        String correlation = ApiClient.uniqueKey("corr-chain");
        openCheckout(correlation);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(entries(Tokens.AUDITOR, correlation)).hasSize(2));

        JsonNode intact = api().get("/api/commerce/audit-entries/verification").token(Tokens.AUDITOR).send().json();
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("entriesChecked").asLong()).isGreaterThanOrEqualTo(2);

        long sequence = entries(Tokens.AUDITOR, correlation).get(0).path("sequence").asLong();
        jdbc.update("UPDATE audit_entry SET result = 'rejected' WHERE sequence = ?", sequence);
        try {
            JsonNode broken = api().get("/api/commerce/audit-entries/verification").token(Tokens.AUDITOR).send().json();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSequence").asLong()).isEqualTo(sequence);
        } finally {
            jdbc.update("UPDATE audit_entry SET result = 'accepted' WHERE sequence = ?", sequence);
        }
        assertThat(api().get("/api/commerce/audit-entries/verification").token(Tokens.AUDITOR).send()
                .json().path("intact").asBoolean()).isTrue();
    }
}
