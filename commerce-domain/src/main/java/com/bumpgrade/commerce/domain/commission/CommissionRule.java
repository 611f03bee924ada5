package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.Money;

/**
 * Commission arithmetic in integer minor units. Commission = floor(paid x basis points / 10000): rounding never
 * promises a partner more than earned. After refunds, the commission still earned is the same rule applied to
 * what was kept (paid - refunded); everything above it is reversed, so a full refund reverses it exactly.
 */
public final class CommissionRule {
    private CommissionRule() {
    }

    public static Money commissionFor(Money paid, int basisPoints) {
        return Money.of(Math.multiplyExact(paid.amountMinor(), basisPoints) / 10_000, paid.currency());
    }

    public static Money earnedAfterRefunds(Money paid, Money refundedTotal, int basisPoints) {
        long kept = Math.max(0, paid.amountMinor() - refundedTotal.amountMinor());
        return commissionFor(Money.of(kept, paid.currency()), basisPoints);
    }
}
