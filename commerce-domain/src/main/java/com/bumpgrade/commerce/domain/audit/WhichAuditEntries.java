package com.bumpgrade.commerce.domain.audit;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/**
 * Which audit entries does this publisher have after a chain position, optionally only those of one correlation
 * id, subject or action, or that occurred in {@code [from, to)}? A null filter does not filter.
 */
public record WhichAuditEntries(PublisherId publisherId, long afterPosition, String correlationId, String subjectId,
                                String action, Instant from, Instant to, int limit) {
}
