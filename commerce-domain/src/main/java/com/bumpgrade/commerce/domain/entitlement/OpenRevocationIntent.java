package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Open a revocation intent on this entitlement. Either an owner's confirmed, stale-state checked record
 * ({@code context} set, {@code evidenceId} null), or a proposal caused by a full refund or a lost dispute from a
 * verified webhook ({@code evidenceId} set; no version, no phrase).
 */
public record OpenRevocationIntent(@TargetAggregateIdentifier EntitlementId entitlementId, PublisherId publisherId,
                                   Long expectedVersion, String reason, String confirmation, BillingContext context,
                                   WebhookEvidenceId evidenceId, Instant at) {

    public static OpenRevocationIntent byOwner(EntitlementId entitlementId, PublisherId publisherId,
                                               Long expectedVersion, String reason, String confirmation,
                                               BillingContext context, Instant at) {
        return new OpenRevocationIntent(entitlementId, publisherId, expectedVersion, reason, confirmation, context,
                null, at);
    }

    public static OpenRevocationIntent fromMoney(EntitlementId entitlementId, PublisherId publisherId, String reason,
                                                 WebhookEvidenceId evidenceId, Instant at) {
        return new OpenRevocationIntent(entitlementId, publisherId, null, reason, null, null, evidenceId, at);
    }

    public boolean proposal() {
        return evidenceId != null;
    }
}
