package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

public record CheckoutStarted(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                              CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                              BillingContext context, Instant startedAt) {
    public CheckoutStarted {
        lines = List.copyOf(lines);
    }
}
