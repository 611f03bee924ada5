package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return new EntitlementId("ent_" + HexFormat.of().formatHex(digest).substring(0, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
