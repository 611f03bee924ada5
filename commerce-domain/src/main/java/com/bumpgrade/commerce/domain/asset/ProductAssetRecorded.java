package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** A private asset's bytes were stored in full; only what describes them is recorded, never where they are. */
public record ProductAssetRecorded(AssetId assetId, PublisherId publisherId, ProductId productId,
                                   String displayName, long sizeBytes, String sha256, String contentType,
                                   BillingContext context, Instant at) {
}
