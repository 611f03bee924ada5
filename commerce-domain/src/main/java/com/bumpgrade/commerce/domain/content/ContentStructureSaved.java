package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

/** The product's content structure is now this; a ready mark made before no longer stands. */
public record ContentStructureSaved(ContentKey contentKey, PublisherId publisherId, ProductId productId,
                                    List<ContentModule> modules, BillingContext context, Instant at) {
}
