package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/** A new negative line; the original commission line is never rewritten. */
public record CommissionReversalRecorded(CommissionEntryId entryId, PublisherId publisherId, int lineNumber,
                                         Money amount, String reason, BillingContext context,
                                         WebhookEvidenceId evidenceId, Instant at) {
}
