package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;

/** An offer as the catalog sells it right now: title, role and the one active price. */
public record PricedOffer(OfferId offerId, String title, Role role, Money unitPrice, String interval) {
    /** A one-time offer. */
    public PricedOffer(OfferId offerId, String title, Role role, Money unitPrice) {
        this(offerId, title, role, unitPrice, null);
    }

    /** Billed every {@code interval} (day, week, month, year) through a Stripe subscription. */
    public boolean recurring() {
        return interval != null;
    }

    public enum Role {
        MAIN, ORDER_BUMP
    }
}
