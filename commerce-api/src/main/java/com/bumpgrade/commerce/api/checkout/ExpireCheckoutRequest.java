package com.bumpgrade.commerce.api.checkout;

/** Body of {@code POST /api/commerce/checkout-intents/{id}/expire}. */
public record ExpireCheckoutRequest(String confirmation) {
}
