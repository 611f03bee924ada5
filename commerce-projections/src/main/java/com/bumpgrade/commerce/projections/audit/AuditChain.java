package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.projections.shared.JsonColumns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tamper evidence of the audit trail: each entry's hash covers its content, its position in its publisher's
 * chain, the event-store position of the event behind it and the previous entry's hash, so editing, moving or
 * deleting a row breaks the chain at that row (the chain head, kept apart, catches a cut-off end).
 */
final class AuditChain {
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String previousHash, AuditEntryView entry, long globalIndex) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("chainPosition", entry.chainPosition());
        content.put("globalIndex", globalIndex);
        content.put("publisherId", entry.publisherId());
        content.put("occurredAt", entry.occurredAt().toString());
        content.put("actor", entry.actor());
        content.put("actorRole", entry.actorRole());
        content.put("client", entry.client());
        content.put("correlationId", entry.correlationId());
        content.put("action", entry.action());
        content.put("subjectType", entry.subjectType());
        content.put("subjectId", entry.subjectId());
        content.put("result", entry.result());
        content.put("detail", entry.detail());
        content.put("sourceEvidenceId", entry.sourceEvidenceId());
        return DerivedIds.sha256Hex(previousHash + "|" + JsonColumns.write(content));
    }

}
