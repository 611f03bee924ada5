package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record CommissionMarkedReviewed(CommissionEntryId entryId, PublisherId publisherId, BillingContext context,
                                       Instant at) {
}
