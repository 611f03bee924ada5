package com.bumpgrade.commerce.projections.commission;

import com.bumpgrade.commerce.projections.support.Projector;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.CLICK;
import static com.bumpgrade.commerce.projections.support.Stories.ENTRY;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.at;
import static com.bumpgrade.commerce.projections.support.Stories.commission;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission ledger views: one entry, its lines (never rewritten), and the referral click it consumed.
 * The click row itself is the referral registry's; the projection owns only its consumption.
 */
class CommissionLedgerProjectionTest extends ReplayableProjectionTest {

    @BeforeEach
    void theClickWasRecorded() {
        jdbc.update("DELETE FROM referral_click");
        jdbc.update("INSERT INTO referral_click (click_id, publisher_id, partner_id, clicked_at) "
                + "VALUES (?, 'demo', 'partner-ada', ?)", CLICK.value(), Timestamp.from(at(-10)));
    }

    @Override
    protected Object projection() {
        return new CommissionLedgerProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "commission_entry_view", "entry_id",
                "commission_line_view", "entry_id, line_number");
    }

    private List<String> clicks() {
        return jdbc.queryForList("SELECT row_to_json(r)::text FROM referral_click r ORDER BY click_id", String.class);
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return commission().events();
    }

    @Override
    protected void assertResetUndoneBeyondTables() {
        assertThat(jdbc.queryForList("SELECT consumed_by_checkout FROM referral_click", String.class))
                .containsOnlyNulls();
    }

    @Test
    void anEntryReviewedHeldReleasedThenRefundedAwayIsReversedWithItsLinesKept() {
        applyHistory();

        Map<String, Object> entry = jdbc.queryForMap("SELECT status, reviewed, holds::text AS holds, "
                + "commission_minor, reversed_minor, version FROM commission_entry_view WHERE entry_id = ?",
                ENTRY.value());
        assertThat(entry).containsEntry("status", "reversed").containsEntry("reviewed", true)
                .containsEntry("holds", "[\"refund\"]").containsEntry("commission_minor", 420L)
                .containsEntry("reversed_minor", 420L).containsEntry("version", 7L);
        assertThat(jdbc.queryForList("SELECT kind || ' ' || amount_minor FROM commission_line_view "
                + "WHERE entry_id = ? ORDER BY line_number", String.class, ENTRY.value()))
                .containsExactly("commission 420", "reversal -120", "reversal -300");
        assertThat(jdbc.queryForObject("SELECT consumed_by_checkout FROM referral_click WHERE click_id = ?",
                String.class, CLICK.value())).isEqualTo(PAID_CHECKOUT.value());
    }

    @Test
    void theConsumedClickReadsTheSameAfterAResetAndReplay() {
        Projector projector = new Projector(projection());
        projector.apply(history());
        List<String> live = clicks();

        projector.reset();
        projector.apply(history());

        assertThat(clicks()).isEqualTo(live);
    }
}
