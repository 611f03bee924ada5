package com.bumpgrade.commerce.domain.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bumpgrade ids derived one-way from what they name (a Stripe id, a purchase, a click): the same input always
 * gives the same id, so retries and redeliveries find the same record, and the input cannot be read back.
 */
public final class DerivedIds {
    private DerivedIds() {
    }

    /** {@code prefix} + "_" + the first 32 hex digits of SHA-256(seed). */
    public static String hashed(String prefix, String seed) {
        return prefix + "_" + sha256Hex(seed).substring(0, 32);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
