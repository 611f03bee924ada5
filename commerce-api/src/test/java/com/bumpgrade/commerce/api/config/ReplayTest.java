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
 * Audits replay history: resetting the processors rebuilds the same read model and the same hash chain.
 * Runs first: the live chain follows processing order, and webhook events of other test classes, committed
 * concurrently, can be processed in an order other than their global index (a gap filled later); chaining by
 * global index is open work (issue "audits you can prove").
 */
@Order(1)
class ReplayTest extends ServiceTest {

    @Autowired
    EventProcessingConfiguration processing;

    private List<Map<String, Object>> auditRows() {
        return jdbc.queryForList("SELECT sequence, event_id, action, subject_id, result, previous_hash, entry_hash "
                + "FROM audit_entry ORDER BY sequence");
    }

    private List<Map<String, Object>> viewRows() {
        return jdbc.queryForList("SELECT checkout_intent_id, status, version, total_minor, session_attempts "
                + "FROM checkout_intent_view ORDER BY checkout_intent_id");
    }

    private void replay(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
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
        List<Map<String, Object>> audit = auditRows();
        List<Map<String, Object>> views = viewRows();

        replay(ProcessingGroups.AUDIT_TRAIL);
        replay(ProcessingGroups.READ_MODELS);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(auditRows()).isEqualTo(audit);
            assertThat(viewRows()).isEqualTo(views);
        });
    }
}
