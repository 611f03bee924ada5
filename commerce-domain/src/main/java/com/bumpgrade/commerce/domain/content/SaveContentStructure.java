package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Owner: keep the product's modules and lessons (structure metadata only). The same structure again is no change. */
public record SaveContentStructure(@TargetAggregateIdentifier ContentKey contentKey, PublisherId publisherId,
                                   ProductId productId, List<ContentModule> modules, BillingContext context,
                                   Instant at) {
}
