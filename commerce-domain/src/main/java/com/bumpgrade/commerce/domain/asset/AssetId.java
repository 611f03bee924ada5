package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A private product asset's id, {@code ast_} and 32 hex digits. Derived from the upload's publisher, product,
 * caller and Idempotency-Key, so a retried upload finds the same record, and the storage key is derived from it:
 * nothing the caller names (a file name above all) ever becomes part of a storage key.
 */
public record AssetId(@JsonValue String value) {
    public AssetId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("asset id must be ast_ and 32 hex digits");
        }
    }

    @JsonCreator
    public static AssetId of(String value) {
        return new AssetId(value);
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("ast_[0-9a-f]{32}");
    }

    /** The asset one upload request makes: the same caller's same key on the same product is the same asset. */
    public static AssetId forUpload(PublisherId publisher, ProductId product, String callerScope,
                                    String idempotencyKey) {
        return new AssetId(DerivedIds.hashed("ast", "asset|" + publisher.value() + "|" + product.value() + "|"
                + callerScope + "|" + idempotencyKey));
    }

    @Override
    public String toString() {
        return value;
    }
}
