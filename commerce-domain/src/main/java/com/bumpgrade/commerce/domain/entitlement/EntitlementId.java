package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Bumpgrade's public id "ent_" + 32 hex digits, derived one-way from what it identifies. */
public record EntitlementId(@JsonValue String value) {
    public EntitlementId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("id must look like ent_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static EntitlementId of(String value) {
        return new EntitlementId(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("ent_[0-9a-f]{32}");
    }

    /** One entitlement per offer bought in one checkout: a second grant for the same purchase finds it. */
    public static EntitlementId forPurchase(CheckoutIntentId checkout, OfferId offer) {
        return hashOf("entitlement|" + checkout.value() + "|" + offer.value());
    }

    private static EntitlementId hashOf(String seed) {
        return new EntitlementId(DerivedIds.hashed("ent", seed));
    }

    @Override
    public String toString() {
        return value;
    }
}
