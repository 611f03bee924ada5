package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The aggregate id of a product's protected content structure, {@code cnt_} and 32 hex digits, one per product. */
public record ContentKey(@JsonValue String value) {
    public ContentKey {
        if (value == null || !value.matches("cnt_[0-9a-f]{32}")) {
            throw new IllegalArgumentException("content key must be cnt_ and 32 hex digits");
        }
    }

    @JsonCreator
    public static ContentKey of(String value) {
        return new ContentKey(value);
    }

    public static ContentKey ofProduct(PublisherId publisher, ProductId product) {
        return new ContentKey(DerivedIds.hashed("cnt", "content|" + publisher.value() + "|" + product.value()));
    }

    @Override
    public String toString() {
        return value;
    }
}
