package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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
        return new CommissionEntryId(DerivedIds.hashed("com", seed));
    }

    @Override
    public String toString() {
        return value;
    }
}
