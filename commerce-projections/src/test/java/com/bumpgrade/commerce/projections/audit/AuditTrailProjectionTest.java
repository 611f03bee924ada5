package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

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
}
