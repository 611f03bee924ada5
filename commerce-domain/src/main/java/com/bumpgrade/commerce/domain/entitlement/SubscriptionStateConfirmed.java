package com.bumpgrade.commerce.domain.entitlement;

import java.time.Instant;

/**
 * A newer observation found nothing changed. Recorded so that an even older observation arriving later cannot
 * overwrite it; it changes no access and writes no audit entry.
 */
public record SubscriptionStateConfirmed(EntitlementId entitlementId, Instant observedAt) {
}
