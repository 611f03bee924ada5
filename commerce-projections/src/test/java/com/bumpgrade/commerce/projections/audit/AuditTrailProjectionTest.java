package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.projections.support.Projector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.NOW;
import static com.bumpgrade.commerce.projections.support.Stories.OWNER;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.commission;
import static com.bumpgrade.commerce.projections.support.Stories.entitlement;
import static com.bumpgrade.commerce.projections.support.Stories.expiredCheckout;
import static com.bumpgrade.commerce.projections.support.Stories.interleaved;
import static com.bumpgrade.commerce.projections.support.Stories.paidCheckout;
import static com.bumpgrade.commerce.projections.support.Stories.paidEvidence;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code audit_entry}: one chained entry per audited event. A replay must give the same sequence numbers and
 * the same hashes, or the rebuilt trail would not verify against what auditors saw.
 */
class AuditTrailProjectionTest extends AuditProjectionsTest {
    @Override
    protected List<DomainEventMessage<?>> history() {
        return interleaved(paidCheckout(), expiredCheckout(), commission(), entitlement(), paidEvidence());
    }

    @Test
    void everyAuditedEventIsOneEntryOfAnIntactChain() {
        applyHistory();

        // not audited: a confirmation that changed nothing, and the evidence's receipt and attribution (its
        // payload mismatch came before it had a publisher, so it is in no publisher's trail)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isEqualTo(8 + 4 + 8 + 5 + 2);
        assertThat(jdbc.queryForList("SELECT action || ' ' || result FROM audit_entry WHERE subject_type = "
                + "'commission_entry' ORDER BY sequence", String.class)).containsExactly(
                "commission.open pending_review", "commission.review reviewed", "commission.hold held",
                "commission.release released", "commission.hold held", "commission.reversal_line recorded",
                "commission.reversal_line recorded", "commission.reverse reversed");
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }

    @Test
    void aProcessorBatchIsChainedExactlyAsEventByEventAndOnceOnly() {
        Map<String, List<String>> oneByOne = applyHistory();
        tables().truncate();
        Projector projector = new Projector(projection());

        projector.applyAsOneBatch(events(), ProjectionDatabase.get().transactions());
        assertThat(tables().rows()).isEqualTo(oneByOne);

        // a batch that overlaps entries already recorded (a replay, a retried letter) chains only the new ones
        tables().truncate();
        projector.applyAsOneBatch(events().subList(0, events().size() / 2), ProjectionDatabase.get().transactions());
        projector.applyAsOneBatch(events(), ProjectionDatabase.get().transactions());
        assertThat(tables().rows()).isEqualTo(oneByOne);
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }

    @Test
    void anEntryPostgresRefusesInABatchBecomesAPlaceholderAndTheBatchGoesOn() {
        List<DomainEventMessage<?>> batch = new ArrayList<>(events());
        CommissionEntryId poisoned = CommissionEntryId.forClick(ReferralClickId.of("clk_" + "f".repeat(32)));
        batch.add(batch.size() / 2, new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(10_000),
                new GenericDomainEventMessage<>("CommissionLedger", poisoned.value(), 1,
                        new CommissionReversalRecorded(poisoned, PUBLISHER, 1, Money.of(100, "USD"),
                                "fraud \u0000 NUL", OWNER, null, NOW))));

        new Projector(projection()).applyAsOneBatch(batch, ProjectionDatabase.get().transactions());

        assertThat(jdbc.queryForList("SELECT result || ' ' || detail::text FROM audit_entry WHERE subject_id = ?",
                String.class, poisoned.value())).containsExactly("unrecordable {\"reasonCode\": \"storage_refused\"}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isEqualTo(8 + 4 + 8 + 5 + 2 + 1);
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }

    @Test
    void anEventThatArrivesAfterLaterOnesTakesItsStorePlaceSoTheLiveChainEqualsTheReplayedOne() {
        List<String> heads = applyHistory().get("audit_chain_head");
        List<String> inStoreOrder = chain();
        tables().truncate();
        List<DomainEventMessage<?>> late = new ArrayList<>(events());
        // two events whose store transactions committed late: the processor handles them after later ones
        DomainEventMessage<?> early = late.remove(3);
        DomainEventMessage<?> middle = late.remove(late.size() / 2);
        Projector projector = new Projector(projection());
        projector.applyAsOneBatch(late.subList(0, late.size() - 2), ProjectionDatabase.get().transactions());
        projector.applyAsOneBatch(List.of(late.get(late.size() - 2), middle), ProjectionDatabase.get().transactions());
        projector.apply(List.of(early));
        projector.apply(List.of(late.get(late.size() - 1)));

        assertThat(tables().rows().get("audit_chain_head")).isEqualTo(heads);
        assertThat(chain()).isEqualTo(inStoreOrder);
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }

    @Test
    void aGapFilledEventIsPlacedByItsOwnStorePositionNotItsTokensHighestIndex() {
        applyHistory();
        List<String> inStoreOrder = chain();
        tables().truncate();
        List<DomainEventMessage<?>> stored = events();
        for (int i = 0; i < stored.size(); i++) {
            jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                    + "sequence_number, time_stamp, payload_type, payload) VALUES (?, ?, ?, 0, 'now', 'x', '')", i,
                    stored.get(i).getIdentifier(), "aggregate-" + i);
        }
        try {
            // as Axon delivers them: the late event's token is at the highest index seen, its gap now closed
            Projector projector = new Projector(projection());
            long last = stored.size() - 1;
            for (int i = 0; i < stored.size(); i++) {
                if (i != 3) {
                    projector.apply(List.of(gapAware(stored.get(i), i, i > 3 ? List.of(3L) : List.of())));
                }
            }
            projector.apply(List.of(gapAware(stored.get(3), last, List.of())));
            assertThat(chain()).isEqualTo(inStoreOrder);
            assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
        } finally {
            jdbc.update("DELETE FROM domain_event_entry");
        }
    }

    private static DomainEventMessage<?> gapAware(DomainEventMessage<?> event, long index, List<Long> gaps) {
        DomainEventMessage<?> untracked = event instanceof GenericTrackedDomainEventMessage<?> tracked
                ? new GenericDomainEventMessage<>(tracked.getType(), tracked.getAggregateIdentifier(),
                tracked.getSequenceNumber(), tracked.getPayload(), tracked.getMetaData(), tracked.getIdentifier(),
                tracked.getTimestamp()) : event;
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(index, gaps), untracked);
    }

    @Test
    void deletingEditingSwappingOrCuttingEntriesFailsVerificationAtTheFirstBadPosition() {
        applyHistory();
        AuditTrailVerdict intact = trail.answer(new IsAuditTrailIntact(PUBLISHER));
        assertThat(intact.intact()).isTrue();
        assertThat(intact.chainLength()).isEqualTo(27).isEqualTo(intact.entriesChecked());

        tampered("UPDATE audit_entry SET result = 'rejected' WHERE chain_position = 5", 5, "hash_mismatch");
        tampered("DELETE FROM audit_entry WHERE chain_position = 7", 7, "missing_entry");
        tampered("DELETE FROM audit_entry WHERE chain_position = 27", 27, "truncated");
        tampered("DELETE FROM audit_entry WHERE chain_position > 20", 21, "truncated");
        tampered("DELETE FROM audit_entry", 1, "truncated");
        tampered("UPDATE audit_entry SET chain_position = 1009 - chain_position WHERE chain_position IN (9, 1000)",
                9, "missing_entry");
        // swap two entries' places, positions and links included: their hashes cover their places
        tampered("""
                UPDATE audit_entry a SET chain_position = b.chain_position, previous_hash = b.previous_hash,
                    entry_hash = b.entry_hash
                FROM audit_entry b WHERE a.chain_position + b.chain_position = 23 AND a.chain_position IN (11, 12)""",
                11, "hash_mismatch");
        // or only their positions: the links no longer meet
        tampered("UPDATE audit_entry SET chain_position = 23 - chain_position WHERE chain_position IN (11, 12)",
                11, "broken_link");
        tampered("UPDATE audit_chain_head SET length = length - 1", 27, "beyond_head");
        tampered("UPDATE audit_chain_head SET head_hash = repeat('a', 64)", 27, "head_mismatch");
    }

    /** Applies the tampering in a transaction that is rolled back once the verdict is read. */
    private void tampered(String tampering, long position, String problem) {
        new TransactionTemplate(ProjectionDatabase.get().transactions()).executeWithoutResult(status -> {
            jdbc.update(tampering);
            AuditTrailVerdict verdict = trail.answer(new IsAuditTrailIntact(PUBLISHER));
            assertThat(verdict.intact()).as(tampering).isFalse();
            assertThat(verdict.firstBrokenPosition()).as(tampering).isEqualTo(position);
            assertThat(verdict.problem()).as(tampering).isEqualTo(problem);
            status.setRollbackOnly();
        });
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }

    private List<String> chain() {
        return jdbc.queryForList("SELECT event_id || ' ' || chain_position || ' ' || global_index || ' ' || "
                + "previous_hash || ' ' || entry_hash FROM audit_entry ORDER BY chain_position", String.class);
    }

}
