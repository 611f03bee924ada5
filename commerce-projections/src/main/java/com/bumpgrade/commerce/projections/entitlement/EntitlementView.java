package com.bumpgrade.commerce.projections.entitlement;

import java.time.Instant;
import java.util.List;

/**
 * Public-safe access state: Bumpgrade ids only (the subject is a Bumpgrade customer id), plus evidence ids; the
 * purchase's refunded amount (minor units of its currency) and open disputes; the latest revocation intent.
 */
public record EntitlementView(String entitlementId, String publisherId, String checkoutIntentId, String offerId,
                              String subject, String access, Instant accessUntil,
                              String subscriptionStatus, Instant graceUntil, String fulfillment, long version,
                              List<String> evidenceIds, Instant grantedAt, Instant updatedAt,
                              long refundedMinor, int openDisputes, Revocation revocation) {

    /** The entitlement's latest revocation intent; null if it never had one. Access does not follow it. */
    public record Revocation(String revocationIntentId, String status) {
    }
}
