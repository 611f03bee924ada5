package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Names one Customer Portal session in events, the audit trail and Stripe's idempotency key: "pss_" + 32 hex
 * digits, derived from the request so that a retry reaches the same session. It is not what a buyer's link
 * carries; that is a random, single-use reference known only to its caller. Events recorded before that change
 * named the session "prt_…" (then also the link), and still load.
 */
public record PortalSessionId(@JsonValue String value) {
    public PortalSessionId {
        if (value == null || !value.matches("(pss|prt)_[0-9a-f]{32}")) {
            throw new IllegalArgumentException("id must look like pss_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static PortalSessionId of(String value) {
        return new PortalSessionId(value);
    }

    /** The same entitlement, caller and Idempotency-Key give the same session. */
    public static PortalSessionId forRequest(EntitlementId entitlement, ActorId actor, IdempotencyKey key) {
        return new PortalSessionId(DerivedIds.hashed("pss", "portal|" + entitlement.value() + "|" + actor.value()
                + "|" + key.value()));
    }

    @Override
    public String toString() {
        return value;
    }
}
