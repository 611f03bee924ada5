package com.bumpgrade.commerce.projections.catalog;

import java.util.List;

/**
 * An offer as the catalogue shows it to the publisher's callers: Bumpgrade ids, its price, its order bumps and
 * post-purchase path (both empty until issue 9 edits them), and whether its price is mapped to a Stripe Price
 * (never the Stripe id). {@code version} is 0 for an offer seeded by
 * migration that no catalogue write has changed yet (its adoption will be the aggregate's event 0).
 */
public record CatalogOfferView(String offerId, String productId, String title,
                               String role,
                               String status,
                               Price price, List<String> orderBumpOfferIds, List<PathStep> postPurchasePath,
                               String stripeSync, Long version) {

    /** One price: one-time ({@code interval} null) or recurring every {@code intervalCount} intervals. */
    public record Price(String priceId, long amountMinor, String currency,
                        String interval,
                        Integer intervalCount,
                        String display) {
    }

    /** One step of a post-purchase path: the offer shown, and the step a decline leads to (none: the path ends). */
    public record PathStep(int step, String offerId,
                           String role, Integer onDeclineStep) {
    }
}
