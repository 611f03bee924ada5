package com.bumpgrade.commerce.projections.commission;

import com.bumpgrade.commerce.domain.commission.CommissionEntryOpened;
import com.bumpgrade.commerce.domain.commission.CommissionHeld;
import com.bumpgrade.commerce.domain.commission.CommissionHoldReleased;
import com.bumpgrade.commerce.domain.commission.CommissionMarkedReviewed;
import com.bumpgrade.commerce.domain.commission.CommissionReversalRecorded;
import com.bumpgrade.commerce.domain.commission.CommissionReversed;
import com.bumpgrade.commerce.domain.commission.CommissionStatus;
import com.bumpgrade.commerce.domain.commission.WhatIsCommissionEntry;
import com.bumpgrade.commerce.domain.commission.WhichCommissionEntries;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the commission ledger read models (entries and their lines) and marks referral clicks consumed once
 * they earned an entry. Guarded by sequence numbers and line numbers, so re-processing changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class CommissionLedgerProjection {

    private final ProjectionJdbc jdbc;

    public CommissionLedgerProjection(ProjectionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommissionEntryOpened event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.openedAt());
        jdbc.write("""
                        INSERT INTO commission_entry_view (entry_id, publisher_id, partner_id, checkout_intent_id,
                            click_id, status, currency, amount_paid_minor, commission_basis_points, commission_minor,
                            evidence_ids, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        ON CONFLICT (entry_id) DO NOTHING""",
                event.entryId().value(), event.publisherId().value(), event.partnerId().value(),
                event.checkoutIntentId().value(), event.clickId().value(), CommissionStatus.PENDING_REVIEW.publicName(),
                event.commission().currency(), event.amountPaid().amountMinor(), event.commissionBasisPoints(),
                event.commission().amountMinor(), JsonColumns.write(List.of(event.evidenceId().value())), sequence,
                at, at);
        line(event.entryId().value(), 1, "commission", event.commission(), null, event.evidenceId(), null,
                event.openedAt());
        jdbc.write("UPDATE referral_click SET consumed_by_checkout = ?, consumed_at = ? "
                        + "WHERE click_id = ? AND consumed_by_checkout IS NULL",
                event.checkoutIntentId().value(), at, event.clickId().value());
    }

    @EventHandler
    void on(CommissionMarkedReviewed event, @SequenceNumber long sequence) {
        update(event.entryId().value(), sequence, event.at(), null, "reviewed = TRUE");
    }

    @EventHandler
    void on(CommissionHeld event, @SequenceNumber long sequence) {
        update(event.entryId().value(), sequence, event.at(), event.evidenceId(),
                "holds = (SELECT coalesce(jsonb_agg(DISTINCT h), '[]'::jsonb) FROM jsonb_array_elements_text(holds || ?::jsonb) h)",
                JsonColumns.write(List.of(event.holdReason().name().toLowerCase(Locale.ROOT))));
    }

    @EventHandler
    void on(CommissionHoldReleased event, @SequenceNumber long sequence) {
        List<String> released = event.released().stream().map(h -> h.name().toLowerCase(Locale.ROOT)).toList();
        update(event.entryId().value(), sequence, event.at(), event.evidenceId(),
                "holds = (SELECT coalesce(jsonb_agg(h), '[]'::jsonb) FROM jsonb_array_elements_text(holds) h "
                        + "WHERE NOT jsonb_exists(?::jsonb, h))", JsonColumns.write(released));
    }

    @EventHandler
    void on(CommissionReversalRecorded event, @SequenceNumber long sequence) {
        line(event.entryId().value(), event.lineNumber(), "reversal", event.amount(), event.reason(),
                event.evidenceId(), event.context(), event.at());
        update(event.entryId().value(), sequence, event.at(), event.evidenceId(),
                "reversed_minor = reversed_minor + ?", event.amount().amountMinor());
    }

    @EventHandler
    void on(CommissionReversed event, @SequenceNumber long sequence) {
        update(event.entryId().value(), sequence, event.at(), event.evidenceId(), "status = 'reversed'");
    }

    @ResetHandler
    void onReset() {
        jdbc.write("TRUNCATE commission_entry_view, commission_line_view");
        jdbc.write("UPDATE referral_click SET consumed_by_checkout = NULL, consumed_at = NULL");
    }

    private void line(String entryId, int number, String kind, Money amount, String reason,
                      WebhookEvidenceId evidence, BillingContext context, Instant at) {
        jdbc.write("""
                        INSERT INTO commission_line_view (entry_id, line_number, kind, amount_minor, currency, reason,
                            evidence_id, actor, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, line_number) DO NOTHING""",
                entryId, number, kind, kind.equals("reversal") ? -amount.amountMinor() : amount.amountMinor(),
                amount.currency(), reason, evidence == null ? null : evidence.value(),
                context == null ? (evidence == null ? null : "stripe") : context.actor().value(), Timestamp.from(at));
    }

    /** Applies a change once and recomputes the status from reviewed, holds and reversal. */
    private void update(String entryId, long sequence, Instant at, WebhookEvidenceId evidence, String set,
                        Object... values) {
        List<Object> args = new ArrayList<>(List.of(values));
        args.add(sequence);
        args.add(JsonColumns.write(evidence == null ? List.of() : List.of(evidence.value())));
        args.add(Timestamp.from(at));
        args.add(entryId);
        args.add(sequence);
        jdbc.write("UPDATE commission_entry_view SET " + set + ", version = ?, "
                + "evidence_ids = evidence_ids || ?::jsonb, updated_at = ? "
                + "WHERE entry_id = ? AND version < ?", args.toArray());
        jdbc.write("""
                UPDATE commission_entry_view SET status = CASE
                    WHEN status = 'reversed' THEN 'reversed'
                    WHEN jsonb_array_length(holds) > 0 THEN 'on_hold'
                    WHEN reviewed THEN 'reviewed'
                    ELSE 'pending_review' END
                WHERE entry_id = ?""", entryId);
    }

    @QueryHandler
    public CommissionEntries answer(WhichCommissionEntries query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM commission_entry_view WHERE publisher_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.publisherId().value()));
        if (query.partnerId() != null) {
            sql.append(" AND partner_id = ?");
            args.add(query.partnerId());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            args.add(query.status());
        }
        sql.append(" ORDER BY created_at, entry_id LIMIT ?");
        args.add(Math.max(1, Math.min(query.limit(), 500)));
        List<CommissionEntryView> entries = jdbc.query(sql.toString(), (rs, row) -> map(rs, List.of()),
                args.toArray());
        Map<String, long[]> sums = new TreeMap<>();
        for (CommissionEntryView entry : entries) {
            long[] sum = sums.computeIfAbsent(entry.commission().currency(), c -> new long[3]);
            sum[0] += entry.commission().amountMinor();
            sum[1] += entry.reversed().amountMinor();
            sum[2]++;
        }
        List<CommissionEntries.Total> totals = sums.entrySet().stream().map(e -> new CommissionEntries.Total(
                e.getKey(), amount(e.getValue()[0], e.getKey()), amount(e.getValue()[1], e.getKey()),
                amount(e.getValue()[0] - e.getValue()[1], e.getKey()), (int) e.getValue()[2])).toList();
        return new CommissionEntries(entries, totals);
    }

    @QueryHandler
    public Optional<CommissionEntryView> answer(WhatIsCommissionEntry query) {
        ReadYourWrites.awaitCaughtUp(jdbc, "commission_entry_view", "entry_id", query.entryId().value());
        List<CommissionEntryView.Line> lines = jdbc.query(
                "SELECT * FROM commission_line_view WHERE entry_id = ? ORDER BY line_number",
                (rs, row) -> new CommissionEntryView.Line(rs.getInt("line_number"), rs.getString("kind"),
                        amount(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("reason"),
                        rs.getString("evidence_id"), rs.getString("actor"),
                        rs.getTimestamp("recorded_at").toInstant()), query.entryId().value());
        return jdbc.query("SELECT * FROM commission_entry_view WHERE entry_id = ? AND publisher_id = ?",
                (rs, row) -> map(rs, lines), query.entryId().value(), query.publisherId().value()).stream().findFirst();
    }

    private static CheckoutIntentView.Amount amount(long minor, String currency) {
        Money money = minor < 0 ? null : Money.of(minor, currency);
        String display = money != null ? money.display() : "-" + Money.of(-minor, currency).display();
        return new CheckoutIntentView.Amount(minor, currency, display);
    }

    private static CommissionEntryView map(ResultSet rs, List<CommissionEntryView.Line> lines) throws SQLException {
        String currency = rs.getString("currency");
        long commission = rs.getLong("commission_minor");
        long reversed = rs.getLong("reversed_minor");
        Set<String> holds = new LinkedHashSet<>(JsonColumns.readList(rs.getString("holds"), String.class));
        return new CommissionEntryView(rs.getString("entry_id"), rs.getString("publisher_id"),
                rs.getString("partner_id"), rs.getString("checkout_intent_id"), rs.getString("click_id"),
                rs.getString("status"), rs.getBoolean("reviewed"), List.copyOf(holds),
                amount(rs.getLong("amount_paid_minor"), currency), rs.getInt("commission_basis_points"),
                amount(commission, currency), amount(reversed, currency), amount(commission - reversed, currency),
                JsonColumns.readList(rs.getString("evidence_ids"), String.class), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), lines);
    }
}
