package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing projection handler parks the event in the dead-letter queue; re-driving it completes the view. */
class ProjectionFailureTest extends ServiceTest {

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void cure() {
        PoisonousCheckoutHandler.cured = true;
    }

    private long deadLetters(String aggregate) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                + "AND aggregate_identifier = ?", Long.class, ProcessingGroups.READ_MODELS, aggregate);
        return count == null ? 0 : count;
    }

    @Test
    void aFailingHandlerDeadLettersTheEventAndARedriveCompletesTheView() {
        PoisonousCheckoutHandler.cured = false;
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("poison"), ApiClient.uniqueKey("poison"))
                .json(Map.of("offerId", "launch-pass",
                        "confirmation", "Create checkout for Bumpgrade launch pass at 9.00 USD")).send();
        assertThat(response.status()).isEqualTo(201);
        String id = response.json().path("checkoutIntentId").asText();

        // CheckoutStarted fails; CheckoutSessionOpened of the same intent is parked behind it, in order.
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters(id) == 2);
        assertThat(jdbc.queryForList("SELECT status FROM checkout_intent_view WHERE checkout_intent_id = ?",
                String.class, id)).doesNotContain("open");

        PoisonousCheckoutHandler.cured = true;
        SequencedDeadLetterProcessor<EventMessage<?>> redrive =
                processing.sequencedDeadLetterProcessor(ProcessingGroups.READ_MODELS).orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            redrive.processAny();
            return deadLetters(id) == 0;
        });
        assertThat(jdbc.queryForObject("SELECT status FROM checkout_intent_view WHERE checkout_intent_id = ?",
                String.class, id)).isEqualTo("open");
    }
}
