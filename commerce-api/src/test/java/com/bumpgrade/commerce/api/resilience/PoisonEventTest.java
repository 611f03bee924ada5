package com.bumpgrade.commerce.api.resilience;

import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.bumpgrade.commerce.domain.commission.HoldReason;
import com.bumpgrade.commerce.domain.commission.OpenCommissionEntry;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security issue 13: an event PostgreSQL cannot store (a NUL character in a commission reversal reason) must not
 * stall any processing group. The poison events go straight into the event store, as any path that lets such a
 * value through would put them there; the HTTP door refusing NUL is a separate defence.
 */
class PoisonEventTest extends ServiceTest {
    private static final String POISON = "partner fraud \u0000 with a NUL";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore events;

    private CommissionEntryId open(String publisher) {
        ReferralClickId click = ReferralClickId.random();
        CommissionEntryId entry = CommissionEntryId.forClick(click);
        commands.sendAndWait(new OpenCommissionEntry(entry, PublisherId.of(publisher), PartnerId.of("partner-nul"),
                CheckoutIntentId.of("chk_" + hex()), click, Money.of(10_000, "USD"), 1_000,
                WebhookEvidenceId.of("whk_" + hex()), Instant.now()));
        return entry;
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static BillingContext owner(String publisher) {
        return new BillingContext(ActorId.of("owner-" + publisher), "owner", ClientAttribution.of("poison-test"),
                CorrelationId.of("corr-" + hex()), IdempotencyKey.of("key-" + hex()));
    }

    private static GenericDomainEventMessage<?> event(CommissionEntryId entry, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("CommissionLedger", entry.value(), sequence, payload);
    }

    private static GenericDomainEventMessage<?> held(CommissionEntryId entry, String publisher) {
        return event(entry, 1, new CommissionHeld(entry, PublisherId.of(publisher), HoldReason.OWNER,
                "checking the partner", null, owner(publisher), null, Instant.now()));
    }

    private List<String> auditResults(CommissionEntryId entry) {
        return jdbc.queryForList("SELECT result FROM audit_entry WHERE subject_id = ? ORDER BY sequence",
                String.class, entry.value());
    }

    private String viewStatus(CommissionEntryId entry) {
        return jdbc.queryForList("SELECT status FROM commission_entry_view WHERE entry_id = ?", String.class,
                entry.value()).stream().findFirst().orElse("missing");
    }

    private long deadLetters(String group, CommissionEntryId entry) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                + "AND sequence_identifier = ?", Long.class, group, entry.value());
        return count == null ? 0 : count;
    }

    private boolean intact(String token) {
        return api().get("/api/commerce/audit-entries/verification").token(token).send().json().path("intact")
                .asBoolean();
    }

    @Test
    void aNulBearingEventIsParkedAloneAndEveryOtherEventGoesOn() {
        CommissionEntryId poisoned = open("demo");
        CommissionEntryId neighbour = open("demo");
        CommissionEntryId rival = open("rival");
        await().atMost(PATIENCE).until(() -> viewStatus(rival).equals("pending_review")
                && viewStatus(neighbour).equals("pending_review") && viewStatus(poisoned).equals("pending_review"));

        // One append, so one batch of every processor: the poison between two healthy events of other aggregates.
        BillingContext reverser = owner("demo");
        events.publish(List.of(held(neighbour, "demo"),
                event(poisoned, 1, new CommissionReversalRecorded(poisoned, PublisherId.of("demo"), 2,
                        Money.of(1_000, "USD"), POISON, reverser, null, Instant.now())),
                event(poisoned, 2, new CommissionReversed(poisoned, PublisherId.of("demo"), POISON, reverser, null,
                        Instant.now())),
                held(rival, "rival")));

        // The commission view parks the poisoned entry's sequence only; the others in the batch are applied.
        await().atMost(PATIENCE).until(() -> viewStatus(neighbour).equals("on_hold")
                && viewStatus(rival).equals("on_hold"));
        await().atMost(PATIENCE).until(() -> deadLetters(ProcessingGroups.READ_MODELS, poisoned) == 2);
        assertThat(deadLetters(ProcessingGroups.READ_MODELS, neighbour)).isZero();
        assertThat(deadLetters(ProcessingGroups.READ_MODELS, rival)).isZero();
        assertThat(viewStatus(poisoned)).isEqualTo("pending_review");

        // The audit trail records placeholders for the two events it cannot store, and goes on.
        await().atMost(PATIENCE).until(() -> auditResults(poisoned).size() == 3);
        assertThat(auditResults(poisoned)).containsExactly("pending_review", "unrecordable", "unrecordable");
        assertThat(jdbc.queryForList("SELECT detail::text FROM audit_entry WHERE subject_id = ? "
                        + "AND result = 'unrecordable'", String.class, poisoned.value()))
                .allSatisfy(detail -> assertThat(detail).isEqualTo("{\"reasonCode\": \"storage_refused\"}"));
        assertThat(auditResults(neighbour)).containsExactly("pending_review", "held");
        assertThat(auditResults(rival)).containsExactly("pending_review", "held");
        assertThat(deadLetters(ProcessingGroups.AUDIT_TRAIL, poisoned)).isZero();

        // Later events of the same and of another publisher still arrive everywhere.
        CommissionEntryId later = open("demo");
        CommissionEntryId laterRival = open("rival");
        await().atMost(PATIENCE).until(() -> auditResults(later).size() == 1 && auditResults(laterRival).size() == 1
                && viewStatus(later).equals("pending_review") && viewStatus(laterRival).equals("pending_review"));
        assertThat(intact(Tokens.AUDITOR)).isTrue();
        assertThat(intact(Tokens.RIVAL_AUDITOR)).isTrue();

        // The operator sees the parked letters with a reason code, and nothing of the failure itself.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode letters = api().get("/api/commerce/operator/dead-letters?processingGroup="
                    + ProcessingGroups.READ_MODELS).token(Tokens.OPERATOR).send().json().path("deadLetters");
            List<JsonNode> mine = new ArrayList<>();
            letters.forEach(letter -> {
                if (letter.path("sequence").asText().equals(poisoned.value())) {
                    mine.add(letter);
                }
            });
            assertThat(mine).hasSize(2);
            assertThat(mine.get(0).path("processingGroup").asText()).isEqualTo(ProcessingGroups.READ_MODELS);
            assertThat(mine.get(0).path("eventType").asText()).isEqualTo("CommissionReversalRecorded");
            assertThat(mine.get(0).path("reasonCode").asText()).isEqualTo("storage_refused");
            assertThat(mine.get(0).path("attempts").asInt()).isPositive();
            assertThat(mine.get(0).path("enqueuedAt").asText()).isNotBlank();
            assertThat(mine.get(0).path("lastTouchedAt").asText()).isNotBlank();
            assertThat(mine.get(1).path("eventType").asText()).isEqualTo("CommissionReversed");
            assertThat(mine.get(1).path("reasonCode").asText()).isEqualTo("sequence_blocked");
            assertThat(mine.get(1).path("attempts").asInt()).isZero();
            assertThat(letters.toString()).doesNotContain("Exception", "fraud", "org.", "INSERT");
        });
        // The retrier's attempts fail the same way, and each is still counted: its update is not spoilt either.
        await().atMost(PATIENCE).until(() -> Integer.valueOf(3).equals(jdbc.queryForObject("SELECT max((convert_from(diagnostics, 'UTF8')"
                + "::jsonb ->> 'retries')::int) FROM dead_letter_entry WHERE sequence_identifier = ?", Integer.class,
                poisoned.value())));
        assertThat(jdbc.queryForList("SELECT cause_type FROM dead_letter_entry WHERE sequence_identifier = ? "
                + "AND cause_type IS NOT NULL", String.class, poisoned.value()))
                .containsExactly("org.springframework.dao.DataIntegrityViolationException");
    }

    @Test
    void onlyTheOperatorSeesDeadLetters() {
        assertThat(api().get("/api/commerce/operator/dead-letters").token(Tokens.OPERATOR).send().status())
                .isEqualTo(200);
        for (String token : List.of(Tokens.AGENT, Tokens.OWNER, Tokens.AUDITOR, Tokens.RIVAL_AUDITOR)) {
            assertThat(api().get("/api/commerce/operator/dead-letters").token(token).send().status())
                    .isEqualTo(403);
        }
        assertThat(api().get("/api/commerce/operator/dead-letters").send().status()).isEqualTo(401);
        assertThat(api().get("/api/commerce/operator/dead-letters?processingGroup=x%27%3B").token(Tokens.OPERATOR)
                .send().errorCode()).isEqualTo("invalid_processing_group");
    }
}
