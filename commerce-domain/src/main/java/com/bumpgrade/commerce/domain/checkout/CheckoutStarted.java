package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

public record CheckoutStarted(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                              CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                              BillingContext context, Instant startedAt, boolean livemode) {
    public CheckoutStarted {
        lines = List.copyOf(lines);
    }

    /** A sandbox checkout (the only kind before live Bumpgrade plans existed). */
    public CheckoutStarted(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                           CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                           BillingContext context, Instant startedAt) {
        this(checkoutIntentId, publisherId, offerId, mode, lines, total, requestFingerprint, context, startedAt,
                false);
    }
}
