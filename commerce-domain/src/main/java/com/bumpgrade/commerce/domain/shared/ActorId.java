package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed actor id. */
public record ActorId(@JsonValue String value) {
    public ActorId {
        Identifiers.require("actor id", value);
    }

    @JsonCreator
    public static ActorId of(String value) {
        return new ActorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
