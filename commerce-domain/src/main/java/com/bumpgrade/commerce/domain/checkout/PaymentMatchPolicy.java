package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule 4: a completed session is trusted only when it says what the intent says: same amount, same currency,
 * same mode, and test mode (publisher offers are sandbox-only, so a live event cannot pay them).
 */
public final class PaymentMatchPolicy {
    private PaymentMatchPolicy() {
    }

    public static List<String> mismatches(Money expected, CheckoutMode expectedMode, Money paid, CheckoutMode mode,
                                          boolean livemode) {
        List<String> reasons = new ArrayList<>();
        if (!expected.currency().equals(paid.currency())) {
            reasons.add("currency_mismatch");
        } else if (expected.amountMinor() != paid.amountMinor()) {
            reasons.add("amount_mismatch");
        }
        if (expectedMode != mode) {
            reasons.add("mode_mismatch");
        }
        if (livemode) {
            reasons.add("livemode_mismatch");
        }
        return reasons;
    }
}
