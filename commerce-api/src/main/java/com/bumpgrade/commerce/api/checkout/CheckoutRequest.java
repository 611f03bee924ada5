package com.bumpgrade.commerce.api.checkout;

import java.util.List;

/** Body of {@code POST /api/commerce/checkout}. Unknown fields are refused (400). */
public record CheckoutRequest(String offerId, Integer quantity, List<String> orderBumpOfferIds, String referralClickId,
                              String confirmation) {
    public CheckoutRequest {
        orderBumpOfferIds = orderBumpOfferIds == null ? List.of() : List.copyOf(orderBumpOfferIds);
    }
}
