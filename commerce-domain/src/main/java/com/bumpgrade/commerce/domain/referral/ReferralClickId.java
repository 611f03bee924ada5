package com.bumpgrade.commerce.domain.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Bumpgrade's public id "clk_" + 32 hex digits. */
public record ReferralClickId(@JsonValue String value) {
    public ReferralClickId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("id must look like clk_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static ReferralClickId of(String value) {
        return new ReferralClickId(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("clk_[0-9a-f]{32}");
    }

    public static ReferralClickId random() {
        return new ReferralClickId("clk_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
