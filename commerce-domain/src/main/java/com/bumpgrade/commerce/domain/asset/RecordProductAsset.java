package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Owner: record an uploaded asset whose bytes are stored in full, with the size and SHA-256 counted while they
 * streamed. Confirmed by the upload's phrase, checked again here.
 */
public record RecordProductAsset(@TargetAggregateIdentifier AssetId assetId, PublisherId publisherId,
                                 ProductId productId, String displayName, long sizeBytes, String sha256,
                                 String contentType, String confirmation, BillingContext context, Instant at) {
}
