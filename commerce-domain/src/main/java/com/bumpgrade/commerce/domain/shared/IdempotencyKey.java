package com.bumpgrade.commerce.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed idempotency key. */
public record IdempotencyKey(@JsonValue String value) {
    public IdempotencyKey {
        Identifiers.require("idempotency key", value);
    }

    @JsonCreator
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
