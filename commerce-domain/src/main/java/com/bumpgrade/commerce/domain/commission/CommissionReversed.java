package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/** Terminal: the whole commission has been reversed. */
public record CommissionReversed(CommissionEntryId entryId, PublisherId publisherId, String reason,
                                 BillingContext context, WebhookEvidenceId evidenceId, Instant at) {
}
