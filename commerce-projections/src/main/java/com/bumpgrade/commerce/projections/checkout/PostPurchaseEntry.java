package com.bumpgrade.commerce.projections.checkout;

import java.time.Instant;

/**
 * One post-purchase decision of a checkout intent, as its view shows it ({@code postPurchase}): which step and
 * offer, at which price, what the buyer did, and who recorded it. Evidence only: nothing was charged.
 */
public record PostPurchaseEntry(int step, String offerId, String kind, String title, CheckoutIntentView.Amount price,
                                String decision, String recordedBy, String correlationId, Instant at) {
}
