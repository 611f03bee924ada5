package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;
import java.util.List;

/** Holds lifted: by an owner (OWNER and REFUND holds) or by a won dispute (that dispute's hold). */
public record CommissionHoldReleased(CommissionEntryId entryId, PublisherId publisherId, List<HoldReason> released,
                                     String ref, BillingContext context, WebhookEvidenceId evidenceId, Instant at) {
    public CommissionHoldReleased {
        released = List.copyOf(released);
    }
}
