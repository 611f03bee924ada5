package com.bumpgrade.commerce.projections.content;

import com.bumpgrade.commerce.domain.content.ContentModule;

import java.time.Instant;
import java.util.List;

/**
 * A product's saved content structure and whether the owner marked it ready; {@code version} is the If-Match of
 * the mark. Readiness itself is computed when asked, from the assets as they are then.
 */
public record ProductContentView(String productId, List<ContentModule> modules, boolean markedReady,
                                 Instant markedReadyAt, Instant updatedAt, long version) {
}
