package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;

import java.util.List;

/** The post-purchase path a checkout intent's first decision fixed (D88), and its decisions so far. */
public record PostPurchasePathOfIntent(List<PostPurchaseStep> path, List<PostPurchaseEntry> decisions) {
}
