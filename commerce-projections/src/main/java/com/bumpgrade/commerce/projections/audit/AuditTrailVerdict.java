package com.bumpgrade.commerce.projections.audit;

/** Result of re-hashing a publisher's audit chain; {@code firstBrokenSequence} is null when intact. */
public record AuditTrailVerdict(boolean intact, long entriesChecked, Long firstBrokenSequence) {
}
