package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

/** The assets of one product of the publisher, archived ones too. */
public record WhichProductAssets(PublisherId publisherId, ProductId productId) {
}
