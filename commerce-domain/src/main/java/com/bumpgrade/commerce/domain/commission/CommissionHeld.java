package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/** Put on hold by an owner (context set) or by a refund or dispute (evidence set); {@code ref} names a dispute. */
public record CommissionHeld(CommissionEntryId entryId, PublisherId publisherId, HoldReason holdReason,
                             String reason, String ref, BillingContext context, WebhookEvidenceId evidenceId,
                             Instant at) {
}
