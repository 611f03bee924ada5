package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;

import java.util.Objects;

/** One priced line of a checkout: the main offer or a pre-selected order bump. */
public record CheckoutLine(OfferId offerId, String title, long quantity, Money unitPrice, boolean orderBump) {
    public CheckoutLine {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
