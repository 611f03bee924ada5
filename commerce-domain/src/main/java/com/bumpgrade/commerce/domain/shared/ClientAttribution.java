package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed client attribution. */
public record ClientAttribution(@JsonValue String value) {
    public ClientAttribution {
        Identifiers.require("client attribution", value);
    }

    @JsonCreator
    public static ClientAttribution of(String value) {
        return new ClientAttribution(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
