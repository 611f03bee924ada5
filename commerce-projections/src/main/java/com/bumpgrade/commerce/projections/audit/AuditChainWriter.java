package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.projections.shared.JsonColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of audit entries onto their publishers' chains: one statement reads which of the batch's events
 * are already recorded and the head of every publisher's chain, the chain is computed in memory, and one JDBC
 * batch inserts the entries. Only if PostgreSQL refuses the batch are the entries written one by one, each
 * behind a savepoint, a refused one as an {@code unrecordable} placeholder, so the chain stays continuous.
 */
final class AuditChainWriter {
    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);
    private static final String INSERT = """
            INSERT INTO audit_entry (event_id, publisher_id, occurred_at, actor, actor_role, client,
                correlation_id, action, subject_type, subject_id, result, detail, source_evidence_id,
                previous_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String RECORDED_AND_HEADS = """
            SELECT 'recorded', event_id, NULL FROM audit_entry WHERE event_id = ANY(?)
            UNION ALL
            SELECT 'head', p.id, (SELECT entry_hash FROM audit_entry a WHERE a.publisher_id = p.id
                                  ORDER BY sequence DESC LIMIT 1)
            FROM unnest(?::varchar[]) AS p(id)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    AuditChainWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** An entry waiting for its batch to commit, under the id of the event that caused it. */
    record Pending(String eventId, AuditTrail.Entry entry) {
    }

    void write(List<Pending> batch) {
        Map<String, Pending> byEvent = new LinkedHashMap<>();
        batch.forEach(pending -> byEvent.putIfAbsent(pending.eventId(), pending));
        Set<String> recorded = new HashSet<>();
        Map<String, String> heads = new HashMap<>();
        readRecordedAndHeads(byEvent, recorded, heads);
        // a batch handled again (its first commit was lost) must not chain its entries a second time
        List<Pending> fresh = byEvent.values().stream().filter(p -> !recorded.contains(p.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, String> start = new HashMap<>(heads);
        List<Object[]> rows = new ArrayList<>();
        for (Pending pending : fresh) {
            rows.add(row(pending, heads, pending.entry().result(), pending.entry().detail()));
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
        } catch (DataAccessException refused) {
            writeOneByOne(fresh, start);
        }
    }

    private void writeOneByOne(List<Pending> fresh, Map<String, String> heads) {
        for (Pending pending : fresh) {
            Map<String, String> before = new HashMap<>(heads);
            Object[] row = row(pending, heads, pending.entry().result(), pending.entry().detail());
            try {
                savepoint.executeWithoutResult(status -> jdbc.update(INSERT, row));
            } catch (DataIntegrityViolationException refused) {
                log.warn("Audit entry for event {} stored as a placeholder: {}", pending.eventId(),
                        AuditTrail.STORAGE_REFUSED);
                heads.clear();
                heads.putAll(before);
                jdbc.update(INSERT, row(pending, heads, AuditTrail.UNRECORDABLE,
                        Map.of("reasonCode", AuditTrail.STORAGE_REFUSED)));
            }
        }
    }

    private void readRecordedAndHeads(Map<String, Pending> byEvent, Set<String> recorded,
                                      Map<String, String> heads) {
        Object[] eventIds = byEvent.keySet().toArray();
        Object[] publishers = byEvent.values().stream().map(p -> p.entry().publisher().value()).distinct().toArray();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(RECORDED_AND_HEADS);
            statement.setArray(1, connection.createArrayOf("varchar", eventIds));
            statement.setArray(2, connection.createArrayOf("varchar", publishers));
            return statement;
        }, rs -> {
            if ("recorded".equals(rs.getString(1))) {
                recorded.add(rs.getString(2));
            } else if (rs.getString(3) != null) {
                heads.put(rs.getString(2), rs.getString(3));
            }
        });
    }

    /** The insert's arguments for the entry chained onto its publisher's head, which then moves to it. */
    private static Object[] row(Pending pending, Map<String, String> heads, String result,
                                Map<String, Object> detail) {
        AuditTrail.Entry entry = pending.entry();
        String publisher = entry.publisher().value();
        String previous = heads.getOrDefault(publisher, AuditChain.GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what is stored, so verification can recompute it.
        Instant occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        AuditEntryView view = new AuditEntryView(0, publisher, occurredAt, entry.context().actor().value(),
                entry.context().role(), entry.context().client().value(), entry.context().correlationId().value(),
                entry.action(), entry.subjectType(), entry.subjectId(), result, detail, entry.sourceEvidenceId(),
                previous, null);
        String hash = AuditChain.hash(previous, view);
        heads.put(publisher, hash);
        return new Object[]{pending.eventId(), publisher, Timestamp.from(occurredAt), view.actor(), view.actorRole(),
                view.client(), view.correlationId(), view.action(), view.subjectType(), view.subjectId(), result,
                JsonColumns.write(detail), view.sourceEvidenceId(), previous, hash};
    }
}
