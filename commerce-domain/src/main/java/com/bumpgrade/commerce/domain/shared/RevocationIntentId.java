package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Bumpgrade's public id "rvk_" + 32 hex digits. Kept in shared because both the entitlement (which guards one open
 * intent) and the revocation intent name it, and those two packages must not import each other.
 */
public record RevocationIntentId(@JsonValue String value) {
    public RevocationIntentId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("id must look like rvk_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static RevocationIntentId of(String value) {
        return new RevocationIntentId(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("rvk_[0-9a-f]{32}");
    }

    /**
     * The n-th intent (from 1) opened on an entitlement (given as its id's value): the entitlement counts its
     * intents, so a retried or concurrent open derives the same id and the event store lets only one exist (D60).
     */
    public static RevocationIntentId forEntitlement(String entitlementId, int ordinal) {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal starts at 1");
        }
        return new RevocationIntentId(DerivedIds.hashed("rvk", "revocation|" + entitlementId + "|" + ordinal));
    }

    @Override
    public String toString() {
        return value;
    }
}
