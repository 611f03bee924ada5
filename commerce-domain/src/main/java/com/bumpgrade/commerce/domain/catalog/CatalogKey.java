package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The aggregate id of a catalogue product ({@code cpr_…}) or offer ({@code cof_…}). Owners choose product and offer
 * ids per publisher, so two publishers may both sell {@code launch-pass}; the key is derived from both, so it is
 * global, and the same request always finds the same aggregate.
 */
public record CatalogKey(@JsonValue String value) {
    public CatalogKey {
        if (value == null || !value.matches("c(pr|of)_[0-9a-f]{32}")) {
            throw new IllegalArgumentException("catalogue key must be cpr_ or cof_ and 32 hex digits");
        }
    }

    @JsonCreator
    public static CatalogKey of(String value) {
        return new CatalogKey(value);
    }

    public static CatalogKey ofProduct(PublisherId publisher, ProductId product) {
        return new CatalogKey(DerivedIds.hashed("cpr", "product|" + publisher.value() + "|" + product.value()));
    }

    public static CatalogKey ofOffer(PublisherId publisher, OfferId offer) {
        return new CatalogKey(DerivedIds.hashed("cof", "offer|" + publisher.value() + "|" + offer.value()));
    }

    @Override
    public String toString() {
        return value;
    }
}
