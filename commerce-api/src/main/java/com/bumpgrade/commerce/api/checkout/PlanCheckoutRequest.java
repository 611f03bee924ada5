package com.bumpgrade.commerce.api.checkout;

/** Body of {@code POST /api/commerce/plans/{planId}/checkout}. */
public record PlanCheckoutRequest(String confirmation) {
}
