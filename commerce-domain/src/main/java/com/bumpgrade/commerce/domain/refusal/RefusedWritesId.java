package com.bumpgrade.commerce.domain.refusal;

import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Names one publisher's refused writes of one UTC day: "rfw_" + 32 hex digits derived from both, so refusals
 * spread over many short streams instead of one hot one, and every instance finds the same stream.
 */
public record RefusedWritesId(@JsonValue String value) {
    public RefusedWritesId {
        if (value == null || !value.matches("rfw_[0-9a-f]{32}")) {
            throw new IllegalArgumentException("id must look like rfw_ followed by 32 hex digits");
        }
    }

    @JsonCreator
    public static RefusedWritesId of(String value) {
        return new RefusedWritesId(value);
    }

    public static RefusedWritesId forDay(PublisherId publisher, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return new RefusedWritesId(DerivedIds.hashed("rfw", "refused|" + publisher.value() + "|" + day));
    }

    @Override
    public String toString() {
        return value;
    }
}
