package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.projections.support.Projector;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

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
class AuditTrailProjectionTest extends ReplayableProjectionTest {
    private final AuditTrail trail = new AuditTrail(jdbc, ProjectionDatabase.get().transactions());

    @Override
    protected Object projection() {
        return new AuditTrailProjection(trail);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "audit_entry", "sequence");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return interleaved(paidCheckout(), expiredCheckout(), commission(), entitlement(), paidEvidence());
    }

    @Test
    void everyAuditedEventIsOneEntryOfAnIntactChain() {
        applyHistory();

        // not audited: the referral attribution, the fulfilment queue, a confirmation that changed nothing, and
        // the evidence's own bookkeeping but for its re-drive
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isEqualTo(7 + 4 + 8 + 4 + 1);
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
        batch.add(batch.size() / 2, new GenericDomainEventMessage<>("CommissionLedger", poisoned.value(), 1,
                new CommissionReversalRecorded(poisoned, PUBLISHER, 1, Money.of(100, "USD"), "fraud \u0000 NUL",
                        OWNER, null, NOW)));

        new Projector(projection()).applyAsOneBatch(batch, ProjectionDatabase.get().transactions());

        assertThat(jdbc.queryForList("SELECT result || ' ' || detail::text FROM audit_entry WHERE subject_id = ?",
                String.class, poisoned.value())).containsExactly("unrecordable {\"reasonCode\": \"storage_refused\"}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class)).isEqualTo(7 + 4 + 8 + 4 + 1 + 1);
        assertThat(trail.answer(new IsAuditTrailIntact(PUBLISHER)).intact()).isTrue();
    }
}
