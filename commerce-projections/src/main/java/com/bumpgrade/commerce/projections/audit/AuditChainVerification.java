package com.bumpgrade.commerce.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Verifies one publisher's audit chain: positions 1..n without a hole, each entry linked to and hashed over the
 * one before it, in event-store order, ending at the chain head kept apart from the entries; then the event
 * store: every audited event the audit-trail processor has handled has its entry. The first failure is named by
 * its chain position.
 */
final class AuditChainVerification {
    private final JdbcTemplate jdbc;
    private final AuditedEventsInStore store;

    AuditChainVerification(JdbcTemplate jdbc, AuditedEventsInStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private record StoredHead(long length, String hash) {
    }

    AuditTrailVerdict verify(String publisher) {
        List<AuditTrail.StoredEntry> entries = jdbc.query(
                "SELECT * FROM audit_entry WHERE publisher_id = ? ORDER BY chain_position, sequence",
                AuditTrail::stored, publisher);
        StoredHead head = jdbc.query("SELECT length, head_hash FROM audit_chain_head WHERE publisher_id = ?",
                (rs, row) -> new StoredHead(rs.getLong(1), rs.getString(2)), publisher).stream().findFirst()
                .orElse(new StoredHead(0, AuditChain.GENESIS));
        long checked = entries.size();
        String previous = AuditChain.GENESIS;
        long lastIndex = -1;
        for (int i = 0; i < entries.size(); i++) {
            AuditTrail.StoredEntry stored = entries.get(i);
            AuditEntryView entry = stored.view();
            long expected = i + 1;
            String problem = null;
            if (entry.chainPosition() > expected) {
                problem = "missing_entry";
            } else if (entry.chainPosition() < expected) {
                problem = "position_out_of_order";
            } else if (!previous.equals(entry.previousHash())) {
                problem = "broken_link";
            } else if (!AuditChain.hash(previous, entry, stored.globalIndex()).equals(entry.entryHash())) {
                problem = "hash_mismatch";
            } else if (stored.globalIndex() <= lastIndex) {
                problem = "out_of_event_order";
            }
            if (problem != null) {
                Long sequence = "missing_entry".equals(problem) ? null : entry.sequence();
                return AuditTrailVerdict.broken(checked, head.length(), head.hash(), expected, sequence, problem);
            }
            previous = entry.entryHash();
            lastIndex = stored.globalIndex();
        }
        if (head.length() > checked) {
            return AuditTrailVerdict.broken(checked, head.length(), head.hash(), checked + 1, null, "truncated");
        }
        if (head.length() < checked) {
            return AuditTrailVerdict.broken(checked, head.length(), head.hash(), head.length() + 1,
                    entries.get((int) head.length()).view().sequence(), "beyond_head");
        }
        if (!head.hash().equals(previous)) {
            return AuditTrailVerdict.broken(checked, head.length(), head.hash(), checked,
                    entries.get(entries.size() - 1).view().sequence(), "head_mismatch");
        }
        Optional<Long> unrecorded = store.firstWithoutEntry(publisher);
        if (unrecorded.isPresent()) {
            // the position the entry would hold: after every entry of an earlier event
            long position = entries.stream().filter(e -> e.globalIndex() < unrecorded.get()).count() + 1;
            return AuditTrailVerdict.broken(checked, head.length(), head.hash(), position, null,
                    "event_without_entry");
        }
        return AuditTrailVerdict.intact(checked, head.length(), head.hash());
    }
}
