package com.bumpgrade.commerce.domain.audit;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Does every audit entry of this publisher still hash to the chain it was written into? */
public record IsAuditTrailIntact(PublisherId publisherId) {
}
