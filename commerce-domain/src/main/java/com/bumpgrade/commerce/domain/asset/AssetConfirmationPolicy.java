package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;

/** The exact phrases that confirm the writes of private product assets and of content readiness. */
public final class AssetConfirmationPolicy {
    private AssetConfirmationPolicy() {
    }

    /** Names the file, its exact size and the product, so a confirmed upload cannot be another file. */
    public static String upload(String displayName, long sizeBytes, ProductId product) {
        return "Upload " + AssetDisplayName.inPhrase(displayName) + " (" + sizeBytes + " bytes) to product "
                + product.value();
    }

    public static String archive(String displayName, ProductId product) {
        return "Archive asset " + AssetDisplayName.inPhrase(displayName) + " of product " + product.value();
    }
}
