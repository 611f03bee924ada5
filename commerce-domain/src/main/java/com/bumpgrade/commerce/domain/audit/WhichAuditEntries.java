package com.bumpgrade.commerce.domain.audit;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Which audit entries does this publisher have, optionally for one correlation id or subject? */
public record WhichAuditEntries(PublisherId publisherId, String correlationId, String subjectId, int limit) {
}
