package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;

import java.time.Instant;

/** Access moved (or the subscription's status or period changed); evidence is null when the clock moved it. */
public record EntitlementAccessChanged(EntitlementId entitlementId, PublisherId publisherId, Access from, Access to,
                                       String subscriptionStatus, Instant accessUntil, Instant graceUntil,
                                       Instant observedAt, WebhookEvidenceId evidenceId, Instant changedAt) {
}
