package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

/** One asset of a product of the publisher; another publisher's or another product's asset is not found. */
public record WhatIsProductAsset(PublisherId publisherId, ProductId productId, AssetId assetId) {
}
