package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed publisher id. */
public record PublisherId(@JsonValue String value) {
    public PublisherId {
        Identifiers.require("publisher id", value);
    }

    @JsonCreator
    public static PublisherId of(String value) {
        return new PublisherId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
