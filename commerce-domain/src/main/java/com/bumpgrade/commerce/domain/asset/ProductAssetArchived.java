package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record ProductAssetArchived(AssetId assetId, PublisherId publisherId, ProductId productId,
                                   BillingContext context, Instant at) {
}
