package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Owner: stop using an asset for good. Confirmed, stale-state checked. */
public record ArchiveProductAsset(@TargetAggregateIdentifier AssetId assetId, PublisherId publisherId,
                                  Long expectedVersion, String confirmation, BillingContext context, Instant at) {
}
