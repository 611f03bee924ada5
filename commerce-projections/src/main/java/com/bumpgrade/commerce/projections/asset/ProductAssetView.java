package com.bumpgrade.commerce.projections.asset;

import java.time.Instant;

/**
 * A private asset as owners and auditors see it: what was stored (the sanitized name, size, SHA-256 and the type
 * detected from the first bytes), by whom and when, never where: no key, path or URL exists in this view.
 * {@code version} is the If-Match of a write to the asset.
 */
public record ProductAssetView(String assetId, String productId, String displayName, long sizeBytes, String sha256,
                               String contentType, String status, String uploadedBy, Instant uploadedAt,
                               Instant archivedAt, long version) {
}
