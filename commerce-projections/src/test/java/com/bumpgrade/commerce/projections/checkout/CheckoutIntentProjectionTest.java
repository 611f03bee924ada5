package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.support.AggregateStream;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.projections.support.Stories.AGENT;
import static com.bumpgrade.commerce.projections.support.Stories.EXPIRED_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_CHECKOUT;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.at;
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
        return interleaved(paidCheckout(), expiredCheckout(), buyerChoice());
    }

    private static final CheckoutIntentId CHOSEN = CheckoutIntentId.of("chk_00000000000000000000000000000009");

    /** Two bumps offered to the buyer, who took one of them and paid for it. */
    private static AggregateStream buyerChoice() {
        CheckoutLine pass = new CheckoutLine(OfferId.of("launch-pass"), "Bumpgrade launch pass", 1,
                Money.of(900, "USD"), false);
        CheckoutLine templates = new CheckoutLine(OfferId.of("launch-templates"), "Bumpgrade launch templates", 1,
                Money.of(500, "USD"), true);
        CheckoutLine kit = new CheckoutLine(OfferId.of("launch-kit"), "Launch kit", 1, Money.of(300, "USD"), true);
        WebhookEvidenceId paid = WebhookEvidenceId.forStripeEvent("evt_1Chosen");
        return AggregateStream.of("CheckoutIntent", CHOSEN.value())
                .then(new CheckoutStarted(CHOSEN, PUBLISHER, OfferId.of("launch-pass"), CheckoutMode.PAYMENT,
                        List.of(pass, templates, kit), Money.of(900, "USD"), "c".repeat(64), AGENT, at(6), false,
                        OrderBumpMode.BUYER_CHOICE), at(6))
                .then(new CheckoutSessionOpened(CHOSEN, PUBLISHER, 1, at(24 * 60), AGENT, at(7)), at(7))
                .then(new CheckoutItemsBought(CHOSEN, PUBLISHER, paid, List.of(pass, kit), Money.of(1200, "USD"),
                        at(9)), at(9))
                .then(new CheckoutPaid(CHOSEN, PUBLISHER, paid, Money.of(1200, "USD"), at(9)), at(9));
    }

    @Test
    void aBuyerChoiceCheckoutShowsItsOfferedLinesThenWhatWasBought() {
        applyHistory();

        Map<String, Object> chosen = jdbc.queryForMap("SELECT status, version, total_minor, paid_minor, "
                + "order_bump_mode, lines::text AS lines FROM checkout_intent_view WHERE checkout_intent_id = ?",
                CHOSEN.value());
        assertThat(chosen).containsEntry("status", "paid").containsEntry("version", 3L)
                .containsEntry("total_minor", 1200L).containsEntry("paid_minor", 1200L)
                .containsEntry("order_bump_mode", "buyer_choice");
        assertThat((String) chosen.get("lines")).contains("launch-kit").doesNotContain("launch-templates");
        assertThat(jdbc.queryForObject("SELECT order_bump_mode FROM checkout_intent_view WHERE checkout_intent_id = ?",
                String.class, PAID_CHECKOUT.value())).isEqualTo("preselected");
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
