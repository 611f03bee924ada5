package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.asset.AssetId;

/**
 * A lesson: its title, its place in the module, the private asset it will deliver (none yet is allowed while the
 * structure is drafted) and, optionally, after how many days from the purchase it is released (drip).
 */
public record ContentLesson(String title, int order, AssetId assetId, Integer dripOffsetDays) {
}
