package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed correlation id. */
public record CorrelationId(@JsonValue String value) {
    public CorrelationId {
        Identifiers.require("correlation id", value);
    }

    @JsonCreator
    public static CorrelationId of(String value) {
        return new CorrelationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
