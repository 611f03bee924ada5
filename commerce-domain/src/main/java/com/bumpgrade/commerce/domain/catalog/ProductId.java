package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.OfferId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Typed product id, chosen by the owner, unique within a publisher; the same rules as an offer id. */
public record ProductId(@JsonValue String value) {
    public ProductId {
        OfferId.of(value); // same plain-identifier rule; the message below names the field
    }

    @JsonCreator
    public static ProductId of(String value) {
        try {
            return new ProductId(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("product id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
