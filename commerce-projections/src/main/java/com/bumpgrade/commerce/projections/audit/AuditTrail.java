package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.domain.audit.WhichAuditEntries;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    /** The result of a placeholder entry. */
    public static final String UNRECORDABLE = "unrecordable";
    /** The placeholder's reason code: the database refused the entry's content. */
    public static final String STORAGE_REFUSED = "storage_refused";
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What a handler knows about one audited action. */
    public record Entry(PublisherId publisher, Instant occurredAt, BillingContext context, String action,
                        String subjectType, String subjectId, String result, Map<String, Object> detail,
                        String sourceEvidenceId) {
    }

    /**
     * Appends the entry to its publisher's chain. If PostgreSQL refuses to store it (a data error, such as a NUL
     * character in a text), the first attempt is rolled back to its savepoint and a placeholder takes its place:
     * same publisher, event id, actor, action and subject, result {@code unrecordable}, and only a reason code as
     * detail. The chain stays continuous and verifiable, and the audit trail does not stop at a poison event.
     */
    void record(String eventId, Entry entry) {
        String previous = jdbc.query(
                        "SELECT entry_hash FROM audit_entry WHERE publisher_id = ? ORDER BY sequence DESC LIMIT 1",
                        (rs, row) -> rs.getString(1), entry.publisher().value())
                .stream().findFirst().orElse(AuditChain.GENESIS);
        try {
            savepoint.executeWithoutResult(status -> insert(eventId, previous, entry.result(), entry.detail(), entry));
        } catch (DataIntegrityViolationException refused) {
            log.warn("Audit entry for event {} stored as a placeholder: {}", eventId, STORAGE_REFUSED);
            insert(eventId, previous, UNRECORDABLE, Map.of("reasonCode", STORAGE_REFUSED), entry);
        }
    }

    private void insert(String eventId, String previous, String result, Map<String, Object> detail, Entry entry) {
        // PostgreSQL keeps microseconds: hash exactly what is stored, so verification can recompute it.
        Instant occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        AuditEntryView view = new AuditEntryView(0, entry.publisher().value(), occurredAt,
                entry.context().actor().value(), entry.context().role(), entry.context().client().value(),
                entry.context().correlationId().value(), entry.action(), entry.subjectType(), entry.subjectId(),
                result, detail, entry.sourceEvidenceId(), previous, null);
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
