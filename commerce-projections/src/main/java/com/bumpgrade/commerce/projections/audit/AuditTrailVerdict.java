package com.bumpgrade.commerce.projections.audit;

/**
 * The result of verifying a publisher's audit chain. When it is not intact, {@code firstBrokenPosition} names the
 * first chain position that fails, {@code firstBrokenSequence} the entry stored there (null when none is), and
 * {@code problem} what is wrong there: {@code missing_entry}, {@code position_out_of_order}, {@code broken_link},
 * {@code hash_mismatch}, {@code out_of_event_order}, {@code truncated}, {@code beyond_head}, {@code head_mismatch}
 * or {@code event_without_entry} (an audited event in the event store has no entry).
 */
public record AuditTrailVerdict(boolean intact, long entriesChecked, long chainLength, String headHash,
                                Long firstBrokenPosition, Long firstBrokenSequence, String problem) {
    static AuditTrailVerdict intact(long entries, long length, String headHash) {
        return new AuditTrailVerdict(true, entries, length, headHash, null, null, null);
    }

    static AuditTrailVerdict broken(long entries, long length, String headHash, long position, Long sequence,
                                    String problem) {
        return new AuditTrailVerdict(false, entries, length, headHash, position, sequence, problem);
    }
}
