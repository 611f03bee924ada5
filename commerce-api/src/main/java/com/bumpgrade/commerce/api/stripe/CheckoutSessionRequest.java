package com.bumpgrade.commerce.api.stripe;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.List;
import java.util.Map;

/**
 * What Bumpgrade asks Stripe for: the intent's lines, and where each line's Stripe Price mapping is found
 * ({@code priceIds}: offer id to Bumpgrade price id). A subscription bills every {@code intervalCount} intervals.
 * With {@code BUYER_CHOICE} the bump lines become optional items.
 */
public record CheckoutSessionRequest(CheckoutIntentId checkoutIntentId, PublisherId publisherId, int attempt,
                                     CheckoutMode mode, String interval, int intervalCount,
                                     List<CheckoutLine> lines,
                                     Map<String, String> priceIds, String returnBaseUrl,
                                     OrderBumpMode orderBumpMode) {
    public CheckoutSessionRequest {
        orderBumpMode = OrderBumpMode.orDefault(orderBumpMode);
    }

    /** Every line is bought. */
    public CheckoutSessionRequest(CheckoutIntentId checkoutIntentId, PublisherId publisherId, int attempt,
                                  CheckoutMode mode, String interval, int intervalCount, List<CheckoutLine> lines,
                                  Map<String, String> priceIds, String returnBaseUrl) {
        this(checkoutIntentId, publisherId, attempt, mode, interval, intervalCount, lines, priceIds, returnBaseUrl,
                OrderBumpMode.PRESELECTED);
    }
}
