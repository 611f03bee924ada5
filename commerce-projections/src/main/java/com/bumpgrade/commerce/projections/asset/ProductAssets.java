package com.bumpgrade.commerce.projections.asset;

import java.util.List;

/** The assets of one product, oldest first, archived ones too. */
public record ProductAssets(List<ProductAssetView> assets) {
}
