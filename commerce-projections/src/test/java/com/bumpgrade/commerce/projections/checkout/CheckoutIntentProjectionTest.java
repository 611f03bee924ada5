package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.EXPIRED_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.expiredCheckout;
import static com.bumpgrade.commerce.projections.support.Stories.interleaved;
import static com.bumpgrade.commerce.projections.support.Stories.paidCheckout;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code checkout_intent_view}: one row per intent, as of its last event. */
class CheckoutIntentProjectionTest extends ReplayableProjectionTest {

    @Override
    protected Object projection() {
        return new CheckoutIntentProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "checkout_intent_view", "checkout_intent_id");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return interleaved(paidCheckout(), expiredCheckout());
    }

    @Test
    void thePaidThenRefundedAndTheExpiredCheckoutReadAsTheirLastEventsLeftThem() {
        applyHistory();

        Map<String, Object> paid = jdbc.queryForMap("SELECT status, version, total_minor, paid_minor, "
                + "refunded_minor, open_disputes, dispute_status, evidence_ids::text AS evidence, session_attempts, "
                + "referral_partner_id FROM checkout_intent_view WHERE checkout_intent_id = ?", PAID_CHECKOUT.value());
        assertThat(paid).containsEntry("status", "refunded").containsEntry("version", 7L)
                .containsEntry("total_minor", 1400L).containsEntry("paid_minor", 1400L)
                .containsEntry("refunded_minor", 1400L).containsEntry("open_disputes", 0)
                .containsEntry("dispute_status", "won").containsEntry("session_attempts", 1)
                .containsEntry("referral_partner_id", "partner-ada");
        // each webhook-caused change lists its evidence once
        assertThat((String) paid.get("evidence")).matches("\\[(\"whk_[0-9a-f]{32}\"(, )?){5}]");

        Map<String, Object> expired = jdbc.queryForMap("SELECT status, version, session_attempts, last_failure "
                + "FROM checkout_intent_view WHERE checkout_intent_id = ?", EXPIRED_CHECKOUT.value());
        assertThat(expired).containsEntry("status", "expired").containsEntry("version", 3L)
                .containsEntry("session_attempts", 2).containsEntry("last_failure", "timeout");
    }
}
