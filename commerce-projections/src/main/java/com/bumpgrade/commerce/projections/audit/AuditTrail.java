package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.domain.audit.WhichAuditEntries;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the audit trail table. Entries are keyed by the Axon event id that caused them, so a
 * re-processed event never writes a second entry.
 */
@Component
public class AuditTrail {
    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a handler knows about one audited action. */
    public record Entry(PublisherId publisher, Instant occurredAt, BillingContext context, String action,
                        String subjectType, String subjectId, String result, Map<String, Object> detail,
                        String sourceEvidenceId) {
    }

    void record(String eventId, Entry entry) {
        String previous = jdbc.query(
                        "SELECT entry_hash FROM audit_entry WHERE publisher_id = ? ORDER BY sequence DESC LIMIT 1",
                        (rs, row) -> rs.getString(1), entry.publisher().value())
                .stream().findFirst().orElse(AuditChain.GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what is stored, so verification can recompute it.
        Instant occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        AuditEntryView view = new AuditEntryView(0, entry.publisher().value(), occurredAt,
                entry.context().actor().value(), entry.context().role(), entry.context().client().value(),
                entry.context().correlationId().value(), entry.action(), entry.subjectType(), entry.subjectId(),
                entry.result(), entry.detail(), entry.sourceEvidenceId(), previous, null);
        String hash = AuditChain.hash(previous, view);
        jdbc.update("""
                        INSERT INTO audit_entry (event_id, publisher_id, occurred_at, actor, actor_role, client,
                            correlation_id, action, subject_type, subject_id, result, detail, source_evidence_id,
                            previous_hash, entry_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                        ON CONFLICT (event_id) DO NOTHING""",
                eventId, view.publisherId(), Timestamp.from(view.occurredAt()), view.actor(), view.actorRole(),
                view.client(), view.correlationId(), view.action(), view.subjectType(), view.subjectId(),
                view.result(), JsonColumns.write(view.detail()), view.sourceEvidenceId(), previous, hash);
    }

    void clear() {
        jdbc.update("TRUNCATE audit_entry RESTART IDENTITY");
    }

    @QueryHandler
    public List<AuditEntryView> answer(WhichAuditEntries query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE publisher_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.publisherId().value()));
        if (query.correlationId() != null) {
            sql.append(" AND correlation_id = ?");
            args.add(query.correlationId());
        }
        if (query.subjectId() != null) {
            sql.append(" AND subject_id = ?");
            args.add(query.subjectId());
        }
        sql.append(" ORDER BY sequence LIMIT ?");
        args.add(Math.max(1, Math.min(query.limit(), 500)));
        return jdbc.query(sql.toString(), AuditTrail::map, args.toArray());
    }

    @QueryHandler
    public AuditTrailVerdict answer(IsAuditTrailIntact query) {
        List<AuditEntryView> entries = jdbc.query("SELECT * FROM audit_entry WHERE publisher_id = ? ORDER BY sequence",
                AuditTrail::map, query.publisherId().value());
        String previous = AuditChain.GENESIS;
        for (AuditEntryView entry : entries) {
            if (!previous.equals(entry.previousHash()) || !AuditChain.hash(previous, entry).equals(entry.entryHash())) {
                return new AuditTrailVerdict(false, entries.size(), entry.sequence());
            }
            previous = entry.entryHash();
        }
        return new AuditTrailVerdict(true, entries.size(), null);
    }

    @SuppressWarnings("unchecked")
    private static AuditEntryView map(ResultSet rs, int row) throws SQLException {
        String detail = rs.getString("detail");
        Map<String, Object> details = detail == null ? Map.of() : readMap(detail);
        return new AuditEntryView(rs.getLong("sequence"), rs.getString("publisher_id"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                rs.getString("client"), rs.getString("correlation_id"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("result"), details,
                rs.getString("source_evidence_id"), rs.getString("previous_hash"), rs.getString("entry_hash"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) {
        try {
            return JsonColumns.mapper().readValue(json, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read audit detail", e);
        }
    }
}
