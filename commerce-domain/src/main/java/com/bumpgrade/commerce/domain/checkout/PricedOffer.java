package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;

/** An offer as the catalog sells it right now: title, role and the one active price. */
public record PricedOffer(OfferId offerId, String title, Role role, Money unitPrice, boolean recurring) {
    public enum Role {
        MAIN, ORDER_BUMP
    }
}
