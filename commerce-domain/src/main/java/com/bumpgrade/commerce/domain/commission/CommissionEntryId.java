package com.bumpgrade.commerce.domain.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Bumpgrade's public id "com_" + 32 hex digits. */
public record CommissionEntryId(@JsonValue String value) {
    public CommissionEntryId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("id must look like com_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static CommissionEntryId of(String value) {
        return new CommissionEntryId(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("com_[0-9a-f]{32}");
    }

    /** One entry per referral click: a click consumed by one paid checkout cannot earn a second commission. */
    public static CommissionEntryId forClick(ReferralClickId click) {
        return hashOf("commission|" + click.value());
    }

    private static CommissionEntryId hashOf(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return new CommissionEntryId("com_" + HexFormat.of().formatHex(digest).substring(0, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
