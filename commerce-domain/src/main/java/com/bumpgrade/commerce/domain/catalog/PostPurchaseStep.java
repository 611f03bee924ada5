package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.OfferId;

/**
 * One step of a main offer's post-purchase path: the offer shown after the purchase, at its price, and the step a
 * decline leads to ({@code null}: the path ends). An acceptance always ends the path.
 */
public record PostPurchaseStep(int step, OfferId offerId, OfferRole role, String title, CatalogPrice price,
                               Integer onDeclineStep) {
}
