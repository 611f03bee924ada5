package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record StripeEventRedriveRequested(WebhookEvidenceId evidenceId, String eventType, PublisherId publisherId,
                                          BillingContext context, Instant requestedAt) {
}
