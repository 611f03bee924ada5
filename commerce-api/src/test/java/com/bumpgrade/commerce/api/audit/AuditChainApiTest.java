package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.RivalPublisher;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit list's cursor and filters, and the verification's check against the event store. */
class AuditChainApiTest extends ServiceTest {

    private String openCheckout(String token, String offer, String phrase, String correlationId) {
        ApiClient.Response response = api().post("/api/commerce/checkout").token(token)
                .billing(ApiClient.uniqueKey("chain"), correlationId)
                .json(Map.of("offerId", offer, "confirmation", phrase)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("checkoutIntentId").asText();
    }

    private JsonNode list(String query) {
        ApiClient.Response response = api().get("/api/commerce/audit-entries?" + query).token(Tokens.AUDITOR).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> positions(JsonNode entries) {
        List<Long> positions = new ArrayList<>();
        entries.forEach(entry -> positions.add(entry.path("chainPosition").asLong()));
        return positions;
    }

    @Test
    void theTrailPagesWithACursorAndFiltersByActionAndTime() {
        String correlation = ApiClient.uniqueKey("corr-pages");
        for (int i = 0; i < 3; i++) {
            openCheckout(Tokens.AGENT, "launch-pass", "Create checkout for Bumpgrade launch pass at 9.00 USD",
                    correlation);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(list("correlationId=" + correlation).path("entries")).hasSize(6));
        JsonNode all = list("correlationId=" + correlation + "&limit=500");
        assertThat(all.hasNonNull("nextCursor")).isFalse();
        assertThat(positions(all.path("entries"))).isSorted().doesNotHaveDuplicates();

        JsonNode first = list("correlationId=" + correlation + "&limit=4");
        assertThat(first.path("entries")).hasSize(4);
        String cursor = first.path("nextCursor").asText();
        JsonNode second = list("correlationId=" + correlation + "&limit=4&cursor=" + cursor);
        assertThat(second.path("entries")).hasSize(2);
        assertThat(second.hasNonNull("nextCursor")).isFalse();
        List<Long> paged = new ArrayList<>(positions(first.path("entries")));
        paged.addAll(positions(second.path("entries")));
        assertThat(paged).isEqualTo(positions(all.path("entries")));

        JsonNode starts = list("correlationId=" + correlation + "&action=checkout.start").path("entries");
        assertThat(starts).hasSize(3).allSatisfy(entry ->
                assertThat(entry.path("action").asText()).isEqualTo("checkout.start"));

        String third = all.path("entries").get(2).path("occurredAt").asText();
        JsonNode fromThird = list("correlationId=" + correlation + "&from=" + third).path("entries");
        JsonNode beforeThird = list("correlationId=" + correlation + "&to=" + third).path("entries");
        assertThat(fromThird.size() + beforeThird.size()).isEqualTo(6);
        assertThat(fromThird).allSatisfy(entry ->
                assertThat(entry.path("occurredAt").asText().compareTo(third)).isGreaterThanOrEqualTo(0));
        assertThat(beforeThird).allSatisfy(entry ->
                assertThat(entry.path("occurredAt").asText().compareTo(third)).isLessThan(0));
    }

    @Test
    void aCursorThatWasNotGivenOutAndAnUnreadableTimeAreRefused() {
        for (String cursor : List.of("garbage", "YWZ0ZXI6LTE", "YmVmb3JlOjM")) {
            ApiClient.Response response = api().get("/api/commerce/audit-entries?cursor=" + cursor)
                    .token(Tokens.AUDITOR).send();
            assertThat(response.status()).as(cursor).isEqualTo(400);
            assertThat(response.errorCode()).as(cursor).isEqualTo("invalid_cursor");
        }
        for (String time : List.of("from=yesterday", "to=2026-13-01T00:00:00Z", "from=1700000000")) {
            ApiClient.Response response = api().get("/api/commerce/audit-entries?" + time).token(Tokens.AUDITOR).send();
            assertThat(response.status()).as(time).isEqualTo(400);
            assertThat(response.errorCode()).as(time).isEqualTo("invalid_time");
        }
    }

    @Test
    void aTrailDeletedTogetherWithItsChainHeadIsCaughtByTheEventStore() {
        RivalPublisher.sellsAPassWithAPartner(jdbc);
        String correlation = ApiClient.uniqueKey("corr-rival-chain");
        openCheckout(Tokens.RIVAL_AGENT, "rival-pass", "Create checkout for Rival pass at 5.00 USD", correlation);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(api()
                .get("/api/commerce/audit-entries?correlationId=" + correlation).token(Tokens.RIVAL_AUDITOR).send()
                .json().path("entries")).hasSize(2));
        JsonNode intact = verification();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("chainLength").asLong()).isGreaterThanOrEqualTo(2)
                .isEqualTo(intact.path("entriesChecked").asLong());

        String backup = "audit_backup_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE TABLE " + backup + "_entries AS SELECT * FROM audit_entry WHERE publisher_id = 'rival'");
        jdbc.execute("CREATE TABLE " + backup + "_head AS SELECT * FROM audit_chain_head WHERE publisher_id = 'rival'");
        try {
            jdbc.update("DELETE FROM audit_entry WHERE publisher_id = 'rival'");
            jdbc.update("DELETE FROM audit_chain_head WHERE publisher_id = 'rival'");
            JsonNode deleted = verification();
            assertThat(deleted.path("intact").asBoolean()).isFalse();
            assertThat(deleted.path("problem").asText()).isEqualTo("event_without_entry");
            assertThat(deleted.path("firstBrokenPosition").asLong()).isEqualTo(1);
            assertThat(deleted.path("entriesChecked").asLong()).isZero();
        } finally {
            jdbc.update("INSERT INTO audit_entry SELECT * FROM " + backup + "_entries");
            jdbc.update("INSERT INTO audit_chain_head SELECT * FROM " + backup + "_head");
            jdbc.execute("DROP TABLE " + backup + "_entries, " + backup + "_head");
        }
        assertThat(verification().path("intact").asBoolean()).isTrue();
        // the demo publisher's trail is another chain, untouched by the rival's
        assertThat(api().get("/api/commerce/audit-entries/verification").token(Tokens.AUDITOR).send().json()
                .path("intact").asBoolean()).isTrue();
    }

    private JsonNode verification() {
        ApiClient.Response response = api().get("/api/commerce/audit-entries/verification")
                .token(Tokens.RIVAL_AUDITOR).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
