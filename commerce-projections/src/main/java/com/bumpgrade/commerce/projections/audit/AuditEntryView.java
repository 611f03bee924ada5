package com.bumpgrade.commerce.projections.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One redacted audit entry: Bumpgrade ids, actor, client, correlation id, action and result; nothing raw.
 * {@code chainPosition} is its place in the publisher's chain (1, 2, …), which follows the event store's order.
 */
public record AuditEntryView(long sequence, long chainPosition, String publisherId, Instant occurredAt,
                             String actor, String actorRole, String client, String correlationId, String action, String subjectType,
                             String subjectId, String result, Map<String, Object> detail, String sourceEvidenceId,
                             String previousHash, String entryHash) {
}
