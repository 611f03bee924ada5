package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audits replay history: resetting the processors rebuilds the same read model and the same hash chain, and
 * only a real reset does. Before the replay a row is tampered with and a stale one added in each table; the
 * version guards and event-id keys would keep both through a replay onto un-emptied tables, so the full
 * contents match again only if the reset handlers emptied them.
 * Runs first, so the replayed history is short.
 */
@Order(1)
class ReplayTest extends ServiceTest {

    @Autowired
    EventProcessingConfiguration processing;

    private List<String> rows(String table, String key) {
        return jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY " + key, String.class);
    }

    private void replay(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private void shutDown(String group) {
        processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow().shutDown();
    }

    @Test
    void resettingTheProjectionsRebuildsIdenticalRows() {
        String id = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("replay"), ApiClient.uniqueKey("corr"))
                .json(Map.of("offerId", "launch-pass",
                        "confirmation", "Create checkout for Bumpgrade launch pass at 9.00 USD")).send()
                .json().path("checkoutIntentId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_entry WHERE subject_id = ?", Long.class, id) == 2
                && jdbc.queryForList("SELECT status FROM checkout_intent_view WHERE checkout_intent_id = ?",
                String.class, id).contains("open"));
        List<String> audit = rows("audit_entry", "sequence");
        List<String> views = rows("checkout_intent_view", "checkout_intent_id");

        // stopped first, so nothing live repairs the damage before the reset
        shutDown(ProcessingGroups.AUDIT_TRAIL);
        shutDown(ProcessingGroups.READ_MODELS);
        tamperWithAndAddStaleRows(id);
        assertThat(rows("audit_entry", "sequence")).isNotEqualTo(audit);
        assertThat(rows("checkout_intent_view", "checkout_intent_id")).isNotEqualTo(views);

        replay(ProcessingGroups.AUDIT_TRAIL);
        replay(ProcessingGroups.READ_MODELS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rows("audit_entry", "sequence")).isEqualTo(audit);
            assertThat(rows("checkout_intent_view", "checkout_intent_id")).isEqualTo(views);
        });
    }

    private void tamperWithAndAddStaleRows(String id) {
        jdbc.update("UPDATE checkout_intent_view SET status = 'tampered' WHERE checkout_intent_id = ?", id);
        jdbc.update("""
                INSERT INTO checkout_intent_view (checkout_intent_id, publisher_id, offer_id, mode, status, version,
                    lines, total_minor, currency, session_attempts, created_at, updated_at, started_by, client,
                    correlation_id)
                VALUES ('chk_ffffffffffffffffffffffffffffffff', 'demo', 'launch-pass', 'payment', 'open', 9, '[]',
                    900, 'USD', 1, now(), now(), 'nobody', 'stale', 'stale')""");
        jdbc.update("UPDATE audit_entry SET result = 'tampered' WHERE subject_id = ? AND action = 'checkout.start'", id);
        jdbc.update("""
                INSERT INTO audit_entry (event_id, publisher_id, occurred_at, actor, actor_role, client,
                    correlation_id, action, subject_type, subject_id, result, detail, previous_hash, entry_hash,
                    global_index, chain_position)
                VALUES ('stale-event', 'demo', now(), 'nobody', 'agent', 'stale', 'stale', 'checkout.start',
                    'checkout_intent', 'chk_ffffffffffffffffffffffffffffffff', 'accepted', '{}', repeat('0', 64),
                    repeat('0', 64), 999999999, 999999999)""");
    }
}
