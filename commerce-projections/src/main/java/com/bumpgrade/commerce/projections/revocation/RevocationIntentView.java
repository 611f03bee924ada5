package com.bumpgrade.commerce.projections.revocation;

import java.time.Instant;
import java.util.List;

/**
 * A revocation intent as owners and auditors see it: Bumpgrade ids, status, reason, who opened it ({@code source}:
 * an owner's request, or Stripe with the webhook evidence id as correlation id), the owner's last decision, and the
 * evidence ids. It never says access was removed: it was not.
 */
public record RevocationIntentView(String revocationIntentId, String publisherId, String entitlementId,
                                   String checkoutIntentId, String offerId, String status, String reason,
                                   Source source, Source decision, List<String> evidenceIds, long version,
                                   Instant createdAt, Instant updatedAt) {

    /** Who acted: actor, client and correlation id (as in the audit trail), and when. */
    public record Source(String actor, String client, String correlationId, Instant at) {
    }
}
