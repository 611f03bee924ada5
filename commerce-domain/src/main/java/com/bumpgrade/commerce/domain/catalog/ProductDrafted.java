package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** A product was created or its details changed. */
public record ProductDrafted(CatalogKey productKey, PublisherId publisherId, ProductId productId, String title,
                             ProductKind kind, BillingContext context, Instant at) {
}
