package com.bumpgrade.commerce.domain.entitlement;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The reference in a buyer's portal link: "prt_" + 64 hex digits, 256 random bits. It is a bearer secret: only its
 * digest is kept, and it is never recorded in events or logs. Hex rather than base64, so nothing in a link can be
 * mistaken for a Stripe id by the redaction scan.
 */
public record PortalReference(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public PortalReference {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("portal reference must look like prt_ followed by 64 hex digits");
        }
    }

    public static PortalReference of(String value) {
        return new PortalReference(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("prt_[0-9a-f]{64}");
    }

    public static PortalReference random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new PortalReference("prt_" + HexFormat.of().formatHex(secret));
    }

    /** Never the secret itself: a reference that reaches a log line by accident reveals nothing. */
    @Override
    public String toString() {
        return "prt_…";
    }
}
