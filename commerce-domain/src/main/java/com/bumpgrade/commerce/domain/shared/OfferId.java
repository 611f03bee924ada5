package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed offer id. */
public record OfferId(@JsonValue String value) {
    public OfferId {
        Identifiers.require("offer id", value);
    }

    @JsonCreator
    public static OfferId of(String value) {
        return new OfferId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
