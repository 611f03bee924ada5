package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;

import java.time.Instant;
import java.util.List;

/** Entitlements in grace whose grace period ended by a given instant (a bounded batch per sweep). */
public interface EndedGracePeriods {
    List<EntitlementId> endedBy(Instant now);
}
