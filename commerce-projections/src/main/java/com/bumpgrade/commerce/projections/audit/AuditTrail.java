package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.domain.audit.WhichAuditEntries;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the audit trail table. Entries are keyed by the Axon event id that caused them, so a
 * re-processed event never writes a second entry, and chained per publisher in event-store order.
 */
@Component
public class AuditTrail {
    /** The result of a placeholder entry. */
    public static final String UNRECORDABLE = "unrecordable";
    /** The placeholder's reason code: the database refused the entry's content. */
    public static final String STORAGE_REFUSED = "storage_refused";

    private static final String PENDING = AuditTrail.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final AuditChainWriter writer;
    private final AuditChainVerification verification;

    public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditedEventsInStore store) {
        this.jdbc = jdbc;
        this.writer = new AuditChainWriter(jdbc, transactions);
        this.verification = new AuditChainVerification(jdbc, store);
    }

    /** What a handler knows about one audited action. */
    public record Entry(PublisherId publisher, Instant occurredAt, BillingContext context, String action,
                        String subjectType, String subjectId, String result, Map<String, Object> detail,
                        String sourceEvidenceId) {
    }

    /** A stored entry with the event-store position of the event behind it, which its hash covers. */
    record StoredEntry(AuditEntryView view, long globalIndex) {
    }

    /**
     * Queues the entry for its publisher's chain, at the event-store position of the event that caused it; the
     * entries of a processor batch are written together when the batch commits ({@link AuditChainWriter}). If
     * PostgreSQL refuses one (a data error, such as a NUL character in a text), a placeholder takes its place:
     * same publisher, event id, actor, action and subject, result {@code unrecordable}, and only a reason code as
     * detail. The chain stays continuous and verifiable, and the audit trail does not stop at a poison event.
     * Outside a unit of work the entry is written at once.
     */
    void record(EventMessage<?> event, Entry entry) {
        if (!(event instanceof TrackedEventMessage<?> tracked)) {
            // the chain follows the event store's order, which only a streaming processor's events carry
            throw new IllegalStateException("audit entries are chained from a streaming processor only");
        }
        // A gap-aware token's position is the highest index seen, not this event's own when it fills a gap
        // (it was committed after events stored behind it): such positions are read from the store instead.
        TrackingToken token = WrappedToken.unwrapLowerBound(tracked.trackingToken());
        Long position = token instanceof GlobalSequenceTrackingToken exact ? exact.getGlobalIndex() : null;
        AuditChainWriter.Pending pending = new AuditChainWriter.Pending(event.getIdentifier(), position, entry);
        if (!CurrentUnitOfWork.isStarted()) {
            writer.write(List.of(pending));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING, key -> {
            List<AuditChainWriter.Pending> entries = new ArrayList<>();
            batch.onPrepareCommit(u -> writer.write(entries));
            return entries;
        }).add(pending);
    }

    void clear() {
        jdbc.update("TRUNCATE audit_entry, audit_chain_head RESTART IDENTITY");
    }

    @QueryHandler
    public List<AuditEntryView> answer(WhichAuditEntries query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE publisher_id = ? AND chain_position > ?");
        List<Object> args = new ArrayList<>(List.of(query.publisherId().value(), query.afterPosition()));
        filter(sql, args, "correlation_id = ?", query.correlationId());
        filter(sql, args, "subject_id = ?", query.subjectId());
        filter(sql, args, "action = ?", query.action());
        filter(sql, args, "occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        filter(sql, args, "occurred_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        sql.append(" ORDER BY chain_position LIMIT ?");
        args.add(Math.max(1, Math.min(query.limit(), 500)));
        return jdbc.query(sql.toString(), AuditTrail::map, args.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    @QueryHandler
    public AuditTrailVerdict answer(IsAuditTrailIntact query) {
        return verification.verify(query.publisherId().value());
    }

    /** The publisher's stored entries whose events lie after this store position, in chain order. */
    static List<StoredEntry> storedAfter(JdbcTemplate jdbc, String publisher, long globalIndex) {
        return jdbc.query("SELECT * FROM audit_entry WHERE publisher_id = ? AND global_index > ? "
                        + "ORDER BY chain_position", AuditTrail::stored, publisher, globalIndex);
    }

    static StoredEntry stored(ResultSet rs, int row) throws SQLException {
        return new StoredEntry(map(rs, row), rs.getLong("global_index"));
    }

    @SuppressWarnings("unchecked")
    static AuditEntryView map(ResultSet rs, int row) throws SQLException {
        String detail = rs.getString("detail");
        Map<String, Object> details = detail == null ? Map.of() : readMap(detail);
        return new AuditEntryView(rs.getLong("sequence"), rs.getLong("chain_position"), rs.getString("publisher_id"),
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
