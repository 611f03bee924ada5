package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutStripeSessionExpiryRecorded;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaymentRejected;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds {@code checkout_intent_view}. Every write is guarded by the event's sequence number, so a batch that is
 * processed again (retry, stolen claim, dead-letter re-drive) changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class CheckoutIntentProjection {

    private final ProjectionJdbc jdbc;

    public CheckoutIntentProjection(ProjectionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CheckoutStarted event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.startedAt());
        jdbc.write("""
                        INSERT INTO checkout_intent_view (checkout_intent_id, publisher_id, offer_id, mode, status,
                            version, lines, total_minor, currency, session_attempts, created_at, updated_at,
                            started_by, client, correlation_id, order_bump_mode)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (checkout_intent_id) DO NOTHING""",
                event.checkoutIntentId().value(), event.publisherId().value(), event.offerId().value(),
                event.mode().name().toLowerCase(Locale.ROOT), CheckoutStatus.STARTED.publicName(), sequence,
                JsonColumns.write(event.lines().stream().map(CheckoutIntentProjection::line).toList()),
                event.total().amountMinor(), event.total().currency(), at, at,
                event.context().actor().value(), event.context().client().value(),
                event.context().correlationId().value(), event.orderBumpMode().publicName());
    }

    /** A buyer-choice checkout shows what the buyer bought, and its total, once known. */
    @EventHandler
    void on(CheckoutItemsBought event, @SequenceNumber long sequence) {
        jdbc.update("""
                        UPDATE checkout_intent_view SET lines = ?::jsonb, total_minor = ?, version = ?, updated_at = ?
                        WHERE checkout_intent_id = ? AND version < ?""",
                JsonColumns.write(event.lines().stream().map(CheckoutIntentProjection::line).toList()),
                event.total().amountMinor(), sequence, Timestamp.from(event.at()), event.checkoutIntentId().value(),
                sequence);
    }

    @EventHandler
    void on(CheckoutSessionOpened event, @SequenceNumber long sequence) {
        jdbc.write("""
                        UPDATE checkout_intent_view SET status = ?, version = ?, session_attempts = ?,
                            session_expires_at = ?, updated_at = ?
                        WHERE checkout_intent_id = ? AND version < ?""",
                CheckoutStatus.OPEN.publicName(), sequence, event.attempt(),
                event.sessionExpiresAt() == null ? null : Timestamp.from(event.sessionExpiresAt()),
                Timestamp.from(event.openedAt()), event.checkoutIntentId().value(), sequence);
    }

    @EventHandler
    void on(CheckoutSessionFailed event, @SequenceNumber long sequence) {
        jdbc.write("""
                        UPDATE checkout_intent_view SET status = ?, version = ?, session_attempts = ?,
                            last_failure = ?, updated_at = ?
                        WHERE checkout_intent_id = ? AND version < ?""",
                CheckoutStatus.SESSION_FAILED.publicName(), sequence, event.attempt(),
                event.failure().name().toLowerCase(Locale.ROOT), Timestamp.from(event.failedAt()),
                event.checkoutIntentId().value(), sequence);
    }

    @EventHandler
    void on(CheckoutExpired event, @SequenceNumber long sequence) {
        jdbc.write("""
                        UPDATE checkout_intent_view SET status = ?, version = ?, updated_at = ?
                        WHERE checkout_intent_id = ? AND version < ?""",
                CheckoutStatus.EXPIRED.publicName(), sequence, Timestamp.from(event.expiredAt()),
                event.checkoutIntentId().value(), sequence);
    }

    /** Changes nothing shown but the version, which If-Match and read-your-writes compare with the stream's. */
    @EventHandler
    void on(CheckoutStripeSessionExpiryRecorded event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE checkout_intent_view SET version = ?, updated_at = ? WHERE checkout_intent_id = ? "
                        + "AND version < ?", sequence, Timestamp.from(event.recordedAt()),
                event.checkoutIntentId().value(), sequence);
    }

    @EventHandler
    void on(CheckoutPaid event, @SequenceNumber long sequence) {
        update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.paidAt(),
                "status = ?, paid_minor = ?, paid_at = ?", CheckoutStatus.PAID.publicName(),
                event.amountPaid().amountMinor(), Timestamp.from(event.paidAt()));
    }

    @EventHandler
    void on(CheckoutReferralAttributed event, @SequenceNumber long sequence) {
        jdbc.write("UPDATE checkout_intent_view SET referral_click_id = ?, referral_partner_id = ?, version = ? "
                        + "WHERE checkout_intent_id = ? AND version < ?",
                event.attribution().clickId().value(), event.attribution().partnerId().value(), sequence,
                event.checkoutIntentId().value(), sequence);
    }

    @EventHandler
    void on(CheckoutPaymentRejected event, @SequenceNumber long sequence) {
        // evidence only: the intent's state does not change
        update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.rejectedAt(), null);
    }

    @EventHandler
    void on(CheckoutPaymentFailed event, @SequenceNumber long sequence) {
        update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.failedAt(),
                "status = ?", CheckoutStatus.FAILED.publicName());
    }

    @EventHandler
    void on(CheckoutSessionExpired event, @SequenceNumber long sequence) {
        update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.expiredAt(),
                "status = ?", CheckoutStatus.EXPIRED.publicName());
    }

    @EventHandler
    void on(CheckoutRefunded event, @SequenceNumber long sequence) {
        if (event.fullyRefunded()) {
            update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.refundedAt(),
                    "refunded_minor = ?, status = ?", event.refundedTotal().amountMinor(),
                    CheckoutStatus.REFUNDED.publicName());
        } else {
            update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.refundedAt(),
                    "refunded_minor = ?", event.refundedTotal().amountMinor());
        }
    }

    @EventHandler
    void on(CheckoutDisputeOpened event, @SequenceNumber long sequence) {
        update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.openedAt(),
                "open_disputes = open_disputes + 1, dispute_status = ?", event.disputeStatus());
    }

    @EventHandler
    void on(CheckoutDisputeClosed event, @SequenceNumber long sequence) {
        update(sequence, event.checkoutIntentId().value(), event.evidenceId().value(), event.closedAt(),
                "open_disputes = greatest(open_disputes - 1, 0), dispute_status = ?", event.disputeStatus());
    }

    /** Applies a webhook-caused change once (sequence guard) and lists the evidence that caused it. */
    private void update(long sequence, String intentId, String evidenceId, java.time.Instant at, String set,
                        Object... values) {
        List<Object> args = new java.util.ArrayList<>(List.of(values));
        args.add(sequence);
        args.add(JsonColumns.write(List.of(evidenceId)));
        args.add(Timestamp.from(at));
        args.add(intentId);
        args.add(sequence);
        jdbc.write("UPDATE checkout_intent_view SET " + (set == null ? "" : set + ", ")
                + "version = ?, evidence_ids = evidence_ids || ?::jsonb, updated_at = ? "
                + "WHERE checkout_intent_id = ? AND version < ?", args.toArray());
    }

    @ResetHandler
    void onReset() {
        jdbc.write("TRUNCATE checkout_intent_view");
    }

    @QueryHandler
    public Optional<CheckoutIntentView> answer(WhatIsCheckoutIntent query) {
        ReadYourWrites.awaitCaughtUp(jdbc, "checkout_intent_view", "checkout_intent_id",
                query.checkoutIntentId().value());
        return jdbc.query("SELECT * FROM checkout_intent_view WHERE checkout_intent_id = ? AND publisher_id = ?",
                        CheckoutIntentProjection::map, query.checkoutIntentId().value(), query.publisherId().value())
                .stream().findFirst();
    }

    private static CheckoutIntentView.Line line(CheckoutLine line) {
        return new CheckoutIntentView.Line(line.offerId().value(), line.title(), line.quantity(),
                amount(line.unitPrice()), amount(line.lineTotal()), line.orderBump());
    }

    static CheckoutIntentView.Amount amount(Money money) {
        return new CheckoutIntentView.Amount(money.amountMinor(), money.currency(), money.display());
    }

    static CheckoutIntentView map(ResultSet rs, int row) throws SQLException {
        List<CheckoutIntentView.Line> lines = JsonColumns.readList(rs.getString("lines"), CheckoutIntentView.Line.class);
        return new CheckoutIntentView(rs.getString("checkout_intent_id"), rs.getString("publisher_id"),
                rs.getString("offer_id"), rs.getString("mode"), rs.getString("status"), rs.getLong("version"),
                lines, amount(Money.of(rs.getLong("total_minor"), rs.getString("currency"))),
                rs.getInt("session_attempts"), rs.getString("last_failure"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "session_expires_at"),
                new CheckoutIntentView.Source(rs.getString("started_by"), rs.getString("client"),
                        rs.getString("correlation_id")),
                rs.getObject("paid_minor") == null ? null
                        : amount(Money.of(rs.getLong("paid_minor"), rs.getString("currency"))),
                amount(Money.of(rs.getLong("refunded_minor"), rs.getString("currency"))),
                instant(rs, "paid_at"), rs.getInt("open_disputes"), rs.getString("dispute_status"),
                JsonColumns.readList(rs.getString("evidence_ids"), String.class),
                rs.getString("referral_click_id") == null ? null : new CheckoutIntentView.Referral(
                        rs.getString("referral_click_id"), rs.getString("referral_partner_id")),
                CheckoutPostPurchaseProjection.decisions(rs.getString("post_purchase")),
                rs.getString("order_bump_mode"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
