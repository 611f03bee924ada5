package com.bumpgrade.commerce.api.checkout;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Body of {@code POST /api/commerce/checkout}. Unknown fields are refused (400). */
public record CheckoutRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "launch-pass",
                description = "A main offer of the caller's publisher") String offerId,
        @Schema(minimum = "1", maximum = "99", defaultValue = "1", description = "1 for a recurring offer")
        Integer quantity,
        @Schema(description = "At most 5 distinct one-time order bumps in the main offer's currency, each listed "
                + "by the main offer in the catalogue") List<String> orderBumpOfferIds,
        @Schema(allowableValues = {"preselected", "buyer_choice"}, defaultValue = "preselected",
                description = "preselected: the bumps are bought with the main offer; buyer_choice: the buyer may "
                        + "tick each on Stripe's page (its Stripe Price must be synced)") String orderBumpMode,
        @Schema(description = "A click id from the referral click route; checked in the preview too")
        String referralClickId,
        @Schema(description = "The exact phrase of the preview; leave it out to get the preview") String confirmation) {
    public CheckoutRequest {
        orderBumpOfferIds = orderBumpOfferIds == null ? List.of() : List.copyOf(orderBumpOfferIds);
    }

    /** Pre-selected bumps. */
    public CheckoutRequest(String offerId, Integer quantity, List<String> orderBumpOfferIds, String referralClickId,
                           String confirmation) {
        this(offerId, quantity, orderBumpOfferIds, null, referralClickId, confirmation);
    }
}
