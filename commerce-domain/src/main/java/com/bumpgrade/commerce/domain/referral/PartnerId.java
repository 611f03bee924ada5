package com.bumpgrade.commerce.domain.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A referral partner of one publisher, e.g. "partner-ada". */
public record PartnerId(@JsonValue String value) {
    public PartnerId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("partner id must be 1-64 lower-case letters, digits or '-'");
        }
    }

    @JsonCreator
    public static PartnerId of(String value) {
        return new PartnerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
