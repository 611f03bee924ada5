package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;

/** An offer as the catalog sells it right now: title, role and the one active price. */
public record PricedOffer(OfferId offerId, String title, Role role, Money unitPrice, String interval,
                          int intervalCount) {
    /** A one-time offer. */
    public PricedOffer(OfferId offerId, String title, Role role, Money unitPrice) {
        this(offerId, title, role, unitPrice, null);
    }

    /** Billed every single {@code interval}. */
    public PricedOffer(OfferId offerId, String title, Role role, Money unitPrice, String interval) {
        this(offerId, title, role, unitPrice, interval, 1);
    }

    /** Billed every {@code intervalCount} {@code interval}s (day, week, month, year) through a Stripe subscription. */
    public boolean recurring() {
        return interval != null;
    }

    public enum Role {
        MAIN, ORDER_BUMP
    }
}
