package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule 4: a completed session is trusted only when it says what the intent says: same amount, same currency,
 * same mode, and the same livemode as the checkout was started in (publisher offers are sandbox-only, so a live
 * event cannot pay them; only an enabled live Bumpgrade plan expects live events).
 */
public final class PaymentMatchPolicy {
    private PaymentMatchPolicy() {
    }

    public static List<String> mismatches(Money expected, CheckoutMode expectedMode, Money paid, CheckoutMode mode,
                                          boolean livemode) {
        return mismatches(expected, expectedMode, false, paid, mode, livemode);
    }

    /** {@code expectedLivemode} is true only for a Bumpgrade plan checked out with an enabled live key. */
    public static List<String> mismatches(Money expected, CheckoutMode expectedMode, boolean expectedLivemode,
                                          Money paid, CheckoutMode mode, boolean livemode) {
        List<String> reasons = new ArrayList<>();
        if (!expected.currency().equals(paid.currency())) {
            reasons.add("currency_mismatch");
        } else if (expected.amountMinor() != paid.amountMinor()) {
            reasons.add("amount_mismatch");
        }
        if (expectedMode != mode) {
            reasons.add("mode_mismatch");
        }
        if (livemode != expectedLivemode) {
            reasons.add("livemode_mismatch");
        }
        return reasons;
    }
}
