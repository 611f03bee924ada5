package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

/**
 * The checkout was recorded. With {@code BUYER_CHOICE} the bump lines are only offered and {@code total} is the main
 * line's: what was bought follows in {@link CheckoutItemsBought}.
 */
public record CheckoutStarted(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                              CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                              BillingContext context, Instant startedAt, boolean livemode,
                              OrderBumpMode orderBumpMode) {
    public CheckoutStarted {
        lines = List.copyOf(lines);
        orderBumpMode = OrderBumpMode.orDefault(orderBumpMode);
    }

    /** Pre-selected bumps: every line is bought. */
    public CheckoutStarted(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                           CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                           BillingContext context, Instant startedAt, boolean livemode) {
        this(checkoutIntentId, publisherId, offerId, mode, lines, total, requestFingerprint, context, startedAt,
                livemode, OrderBumpMode.PRESELECTED);
    }

    /** A sandbox checkout (the only kind before live Bumpgrade plans existed). */
    public CheckoutStarted(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                           CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                           BillingContext context, Instant startedAt) {
        this(checkoutIntentId, publisherId, offerId, mode, lines, total, requestFingerprint, context, startedAt,
                false);
    }
}
