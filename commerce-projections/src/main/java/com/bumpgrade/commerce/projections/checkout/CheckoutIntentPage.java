package com.bumpgrade.commerce.projections.checkout;

import java.util.List;

/** One page of a checkout listing; {@code more} says whether intents follow the last one. */
public record CheckoutIntentPage(List<CheckoutIntentView> checkouts, boolean more) {
}
