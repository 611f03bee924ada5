package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** The owner marked the product's content ready for delivery, at a computed {@code ready}. Nothing is delivered. */
public record ContentMarkedReady(ContentKey contentKey, PublisherId publisherId, ProductId productId,
                                 BillingContext context, Instant at) {
}
