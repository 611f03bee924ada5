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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of audit entries onto their publishers' chains, in event-store order: one statement reads which
 * of the batch's events are already recorded and every publisher's chain head, the chain is computed in memory,
 * and one JDBC batch inserts the entries and moves the heads. An event that reaches the trail after events
 * stored behind it (it filled a gap in the store) takes its store-order place: the entries after it are
 * re-linked, so the live chain equals the one a replay builds. Only if PostgreSQL refuses the batch are the
 * entries written one by one, each behind a savepoint, a refused one as an {@code unrecordable} placeholder, so
 * the chain stays continuous.
 */
final class AuditChainWriter {
    private static final Logger log = LoggerFactory.getLogger(AuditChainWriter.class);
    private static final String INSERT = """
            INSERT INTO audit_entry (event_id, publisher_id, occurred_at, actor, actor_role, client,
                correlation_id, action, subject_type, subject_id, result, detail, source_evidence_id,
                global_index, chain_position, previous_hash, entry_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String RELINK =
            "UPDATE audit_entry SET chain_position = ?, previous_hash = ?, entry_hash = ? WHERE sequence = ?";
    private static final String MOVE_HEAD = """
            INSERT INTO audit_chain_head (publisher_id, length, head_hash, highest_global_index) VALUES (?, ?, ?, ?)
            ON CONFLICT (publisher_id) DO UPDATE SET length = EXCLUDED.length, head_hash = EXCLUDED.head_hash,
                highest_global_index = EXCLUDED.highest_global_index""";
    private static final String RECORDED_AND_HEADS = """
            SELECT 'recorded', event_id, 0, NULL, 0 FROM audit_entry WHERE event_id = ANY(?)
            UNION ALL
            SELECT 'head', publisher_id, length, head_hash, highest_global_index FROM audit_chain_head
            WHERE publisher_id = ANY(?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    AuditChainWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * An entry waiting for its batch to commit, under the id and store position of the event that caused it; a
     * null position is read from the store when the batch is written.
     */
    record Pending(String eventId, Long globalIndex, AuditTrail.Entry entry) {
        Pending at(long position) {
            return new Pending(eventId, position, entry);
        }
    }

    /** The end of a publisher's chain. */
    record Head(long length, String hash, long highestGlobalIndex) {
        static final Head EMPTY = new Head(0, AuditChain.GENESIS, -1);
    }

    /** One link to (re)write: a new entry, or a stored one moved by a late event. */
    private record Link(Pending fresh, AuditTrail.StoredEntry stored) {
        long globalIndex() {
            return fresh != null ? fresh.globalIndex() : stored.globalIndex();
        }
    }

    /** A publisher's links in chain order, starting after the given head. */
    private record Plan(String publisher, Head start, List<Link> links) {
    }

    /** Where the rows go: into one JDBC batch, or one by one behind savepoints. */
    private interface Rows {
        /** Stores the new entry and answers the hash of what was stored. */
        String insert(Pending pending, long position, String previous);

        void relink(AuditTrail.StoredEntry stored, long position, String previous, String hash);
    }

    void write(List<Pending> batch) {
        Map<String, Pending> byEvent = new LinkedHashMap<>();
        batch.forEach(pending -> byEvent.putIfAbsent(pending.eventId(), pending));
        readStorePositions(byEvent);
        Set<String> recorded = new HashSet<>();
        Map<String, Head> heads = new LinkedHashMap<>();
        readRecordedAndHeads(byEvent, recorded, heads);
        // a batch handled again (its first commit was lost) must not chain its entries a second time
        Map<String, List<Pending>> fresh = new LinkedHashMap<>();
        byEvent.values().stream().filter(p -> !recorded.contains(p.eventId()))
                .sorted(Comparator.comparingLong(Pending::globalIndex))
                .forEach(p -> fresh.computeIfAbsent(p.entry().publisher().value(), k -> new ArrayList<>()).add(p));
        if (fresh.isEmpty()) {
            return;
        }
        List<Plan> plans = new ArrayList<>();
        fresh.forEach((publisher, entries) -> plans.add(plan(publisher, heads.getOrDefault(publisher, Head.EMPTY),
                entries)));
        try {
            savepoint.executeWithoutResult(status -> writeAsOneBatch(plans));
        } catch (DataAccessException refused) {
            plans.forEach(plan -> jdbc.update(MOVE_HEAD, chain(plan, new OneByOne())));
        }
    }

    /** Appends after the head; entries older than the head's newest event are merged into the tail in order. */
    private Plan plan(String publisher, Head head, List<Pending> entries) {
        long oldestNew = entries.get(0).globalIndex();
        if (oldestNew > head.highestGlobalIndex()) {
            return new Plan(publisher, head, entries.stream().map(p -> new Link(p, null)).toList());
        }
        List<AuditTrail.StoredEntry> tail = AuditTrail.storedAfter(jdbc, publisher, oldestNew);
        long firstMoved = tail.isEmpty() ? head.length() + 1 : tail.get(0).view().chainPosition();
        String before = firstMoved == 1 ? AuditChain.GENESIS : jdbc.queryForObject(
                "SELECT entry_hash FROM audit_entry WHERE publisher_id = ? AND chain_position = ?",
                String.class, publisher, firstMoved - 1);
        List<Link> links = new ArrayList<>();
        tail.forEach(stored -> links.add(new Link(null, stored)));
        entries.forEach(p -> links.add(new Link(p, null)));
        links.sort(Comparator.comparingLong(Link::globalIndex));
        log.debug("Audit chain of {} re-linked from position {}: an event arrived after later ones", publisher,
                firstMoved);
        return new Plan(publisher, new Head(firstMoved - 1, before, head.highestGlobalIndex()), links);
    }

    private void writeAsOneBatch(List<Plan> plans) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> relinks = new ArrayList<>();
        Rows rows = new Rows() {
            @Override
            public String insert(Pending pending, long position, String previous) {
                Object[] row = row(pending, position, previous, pending.entry().result(), pending.entry().detail());
                inserts.add(row);
                return (String) row[row.length - 1];
            }

            @Override
            public void relink(AuditTrail.StoredEntry stored, long position, String previous, String hash) {
                relinks.add(new Object[]{position, previous, hash, stored.view().sequence()});
            }
        };
        List<Object[]> heads = plans.stream().map(plan -> chain(plan, rows)).toList();
        jdbc.batchUpdate(RELINK, relinks);
        jdbc.batchUpdate(INSERT, inserts);
        jdbc.batchUpdate(MOVE_HEAD, heads);
    }

    /** Walks the plan's links from its start and answers the head row it ends at. */
    private static Object[] chain(Plan plan, Rows rows) {
        long position = plan.start().length();
        String previous = plan.start().hash();
        long highest = plan.start().highestGlobalIndex();
        for (Link link : plan.links()) {
            position++;
            if (link.fresh() != null) {
                previous = rows.insert(link.fresh(), position, previous);
            } else {
                AuditEntryView moved = link.stored().view();
                AuditEntryView relinked = new AuditEntryView(moved.sequence(), position, moved.publisherId(),
                        moved.occurredAt(), moved.actor(), moved.actorRole(), moved.client(), moved.correlationId(),
                        moved.action(), moved.subjectType(), moved.subjectId(), moved.result(), moved.detail(),
                        moved.sourceEvidenceId(), previous, null);
                String hash = AuditChain.hash(previous, relinked, link.globalIndex());
                rows.relink(link.stored(), position, previous, hash);
                previous = hash;
            }
            highest = Math.max(highest, link.globalIndex());
        }
        return new Object[]{plan.publisher(), position, previous, highest};
    }

    /** The fallback after a refused batch: each new entry behind its own savepoint, refused ones as placeholders. */
    private final class OneByOne implements Rows {
        @Override
        public String insert(Pending pending, long position, String previous) {
            Object[] row = row(pending, position, previous, pending.entry().result(), pending.entry().detail());
            try {
                savepoint.executeWithoutResult(status -> jdbc.update(INSERT, row));
                return (String) row[row.length - 1];
            } catch (DataIntegrityViolationException refused) {
                log.warn("Audit entry for event {} stored as a placeholder: {}", pending.eventId(),
                        AuditTrail.STORAGE_REFUSED);
                Object[] placeholder = row(pending, position, previous, AuditTrail.UNRECORDABLE,
                        Map.of("reasonCode", AuditTrail.STORAGE_REFUSED));
                jdbc.update(INSERT, placeholder);
                return (String) placeholder[placeholder.length - 1];
            }
        }

        @Override
        public void relink(AuditTrail.StoredEntry stored, long position, String previous, String hash) {
            jdbc.update(RELINK, position, previous, hash, stored.view().sequence());
        }
    }

    private void readStorePositions(Map<String, Pending> byEvent) {
        Object[] unknown = byEvent.values().stream().filter(p -> p.globalIndex() == null).map(Pending::eventId)
                .toArray();
        if (unknown.length == 0) {
            return;
        }
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY(?)");
            statement.setArray(1, connection.createArrayOf("varchar", unknown));
            return statement;
        }, rs -> {
            long position = rs.getLong(2);
            byEvent.computeIfPresent(rs.getString(1), (id, pending) -> pending.at(position));
        });
        byEvent.values().stream().filter(p -> p.globalIndex() == null).findFirst().ifPresent(p -> {
            throw new IllegalStateException("audited event " + p.eventId() + " is not in the event store");
        });
    }

    private void readRecordedAndHeads(Map<String, Pending> byEvent, Set<String> recorded, Map<String, Head> heads) {
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
            } else {
                heads.put(rs.getString(2), new Head(rs.getLong(3), rs.getString(4), rs.getLong(5)));
            }
        });
    }

    /** The insert's arguments for the entry at this position of its chain; the last one is its hash. */
    private static Object[] row(Pending pending, long position, String previous, String result,
                                Map<String, Object> detail) {
        AuditTrail.Entry entry = pending.entry();
        // PostgreSQL keeps microseconds: hash exactly what is stored, so verification can recompute it.
        Instant occurredAt = entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        AuditEntryView view = new AuditEntryView(0, position, entry.publisher().value(), occurredAt,
                entry.context().actor().value(), entry.context().role(), entry.context().client().value(),
                entry.context().correlationId().value(), entry.action(), entry.subjectType(), entry.subjectId(),
                result, detail, entry.sourceEvidenceId(), previous, null);
        String hash = AuditChain.hash(previous, view, pending.globalIndex());
        return new Object[]{pending.eventId(), view.publisherId(), Timestamp.from(occurredAt), view.actor(),
                view.actorRole(), view.client(), view.correlationId(), view.action(), view.subjectType(),
                view.subjectId(), result, JsonColumns.write(detail), view.sourceEvidenceId(), pending.globalIndex(),
                position, previous, hash};
    }
}
