package com.bumpgrade.commerce.projections.revocation;

import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentConfirmed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentProposed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentRecorded;
import com.bumpgrade.commerce.domain.revocation.RevocationStatus;
import com.bumpgrade.commerce.domain.revocation.WhatIsRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.WhichRevocationIntents;
import com.bumpgrade.commerce.domain.shared.BillingContext;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@code revocation_intent_view}; guarded by sequence numbers like every projection here. */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class RevocationIntentProjection {
    private static final String TABLE = "revocation_intent_view";
    private static final String ID = "revocation_intent_id";

    private final ProjectionJdbc jdbc;

    public RevocationIntentProjection(ProjectionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RevocationIntentProposed event, @SequenceNumber long sequence) {
        // Stripe caused it: the evidence id is the correlation id, as in the audit trail
        insert(event.revocationIntentId().value(), event.publisherId().value(), event.entitlementId().value(),
                event.checkoutIntentId().value(), event.offerId().value(), RevocationStatus.PROPOSED, event.reason(),
                new RevocationIntentView.Source("stripe", "stripe-webhook", event.evidenceId().value(), event.at()),
                List.of(event.evidenceId().value()), sequence, event.at());
    }

    @EventHandler
    void on(RevocationIntentRecorded event, @SequenceNumber long sequence) {
        insert(event.revocationIntentId().value(), event.publisherId().value(), event.entitlementId().value(),
                event.checkoutIntentId().value(), event.offerId().value(), RevocationStatus.RECORDED, event.reason(),
                source(event.context(), event.at()), List.of(), sequence, event.at());
    }

    @EventHandler
    void on(RevocationIntentConfirmed event, @SequenceNumber long sequence) {
        decide(event.revocationIntentId().value(), RevocationStatus.RECORDED, event.context(), event.at(), sequence);
    }

    @EventHandler
    void on(RevocationIntentDismissed event, @SequenceNumber long sequence) {
        decide(event.revocationIntentId().value(), RevocationStatus.DISMISSED, event.context(), event.at(), sequence);
    }

    @EventHandler
    void on(RevocationIntentCancelled event, @SequenceNumber long sequence) {
        decide(event.revocationIntentId().value(), RevocationStatus.CANCELLED, event.context(), event.at(), sequence);
    }

    private void insert(String id, String publisher, String entitlement, String checkout, String offer,
                        RevocationStatus status, String reason, RevocationIntentView.Source source,
                        List<String> evidence, long sequence, Instant at) {
        jdbc.write("""
                        INSERT INTO revocation_intent_view (revocation_intent_id, publisher_id, entitlement_id,
                            checkout_intent_id, offer_id, status, reason, source, evidence_ids, version, created_at,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING""",
                id, publisher, entitlement, checkout, offer, status.publicName(), reason, JsonColumns.write(source),
                JsonColumns.write(evidence), sequence, Timestamp.from(at), Timestamp.from(at));
    }

    private void decide(String id, RevocationStatus status, BillingContext context, Instant at, long sequence) {
        jdbc.write("UPDATE revocation_intent_view SET status = ?, decision = ?::jsonb, version = ?, updated_at = ? "
                        + "WHERE revocation_intent_id = ? AND version < ?", status.publicName(),
                JsonColumns.write(source(context, at)), sequence, Timestamp.from(at), id, sequence);
    }

    private static RevocationIntentView.Source source(BillingContext context, Instant at) {
        return new RevocationIntentView.Source(context.actor().value(), context.client().value(),
                context.correlationId().value(), at);
    }

    @ResetHandler
    void onReset() {
        jdbc.write("TRUNCATE revocation_intent_view");
    }

    @QueryHandler
    public Optional<RevocationIntentView> answer(WhatIsRevocationIntent query) {
        ReadYourWrites.awaitCaughtUp(jdbc, TABLE, ID, query.revocationIntentId().value());
        return jdbc.query("SELECT * FROM revocation_intent_view WHERE publisher_id = ? AND revocation_intent_id = ?",
                RevocationIntentProjection::map, query.publisherId().value(), query.revocationIntentId().value())
                .stream().findFirst();
    }

    @QueryHandler
    public RevocationIntents answer(WhichRevocationIntents query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM revocation_intent_view WHERE publisher_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.publisherId().value()));
        if (query.entitlementId() != null) {
            sql.append(" AND entitlement_id = ?");
            args.add(query.entitlementId());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            args.add(query.status());
        }
        sql.append(" ORDER BY created_at, revocation_intent_id LIMIT ?");
        args.add(Math.max(1, Math.min(query.limit(), 500)));
        return new RevocationIntents(ReadYourWrites.awaitRowsCaughtUp(jdbc, TABLE, ID,
                () -> jdbc.query(sql.toString(), RevocationIntentProjection::map, args.toArray()),
                RevocationIntentView::revocationIntentId, RevocationIntentView::version));
    }

    private static RevocationIntentView map(ResultSet rs, int row) throws SQLException {
        return new RevocationIntentView(rs.getString(ID), rs.getString("publisher_id"),
                rs.getString("entitlement_id"), rs.getString("checkout_intent_id"), rs.getString("offer_id"),
                rs.getString("status"), rs.getString("reason"), source(rs.getString("source")),
                source(rs.getString("decision")), JsonColumns.readList(rs.getString("evidence_ids"), String.class),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static RevocationIntentView.Source source(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonColumns.mapper().readValue(json, RevocationIntentView.Source.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read read-model JSON", e);
        }
    }
}
