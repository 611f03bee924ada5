package com.bumpgrade.commerce.projections.entitlement;

import java.time.Instant;
import java.util.List;

/** Public-safe access state: Bumpgrade ids only (the subject is a Bumpgrade customer id), plus evidence ids. */
public record EntitlementView(String entitlementId, String publisherId, String checkoutIntentId, String offerId,
                              String subject, String access, Instant accessUntil,
                              String subscriptionStatus, Instant graceUntil, String fulfillment, long version,
                              List<String> evidenceIds, Instant grantedAt, Instant updatedAt) {
}
