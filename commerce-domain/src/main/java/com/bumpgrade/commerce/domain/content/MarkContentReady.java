package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Owner: mark the product ready for delivery. Confirmed, stale-state checked, and only with a computed
 * {@code ready}: {@code assets} is the state of every asset the lessons name, as the sender found it.
 */
public record MarkContentReady(@TargetAggregateIdentifier ContentKey contentKey, PublisherId publisherId,
                               Long expectedVersion, String confirmation, Map<AssetId, AssetState> assets,
                               BillingContext context, Instant at) {
}
