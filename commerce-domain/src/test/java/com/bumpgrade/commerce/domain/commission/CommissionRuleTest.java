package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commission = floor(paid x basis points / 10000), in integer minor units; after refunds, the rule on what was kept. */
class CommissionRuleTest {

    private static Money usd(long amountMinor) {
        return Money.of(amountMinor, "USD");
    }

    @ParameterizedTest(name = "{0} at {1} bps earns {2}")
    @CsvSource({
            "900, 3000, 270",
            "999, 3333, 332",   // 332.9667
            "1, 9999, 0",       // 0.9999
            "3, 5000, 1",       // 1.5
            "19999, 1, 1",      // 1.9999
            "10000, 1, 1",
            "9999, 1, 0",
            "1250, 1500, 187",  // 187.5
            "0, 3000, 0"})
    void commissionIsRoundedDown(long paid, int basisPoints, long expected) {
        assertThat(CommissionRule.commissionFor(usd(paid), basisPoints)).isEqualTo(usd(expected));
    }

    @Test
    void zeroBasisPointsEarnNothing() {
        assertThat(CommissionRule.commissionFor(usd(123_456), 0)).isEqualTo(usd(0));
    }

    @Test
    void tenThousandBasisPointsEarnTheWholePayment() {
        assertThat(CommissionRule.commissionFor(usd(900), 10_000)).isEqualTo(usd(900));
        assertThat(CommissionRule.commissionFor(usd(999), 10_000)).isEqualTo(usd(999));
    }

    @Test
    void commissionKeepsTheCurrencyOfThePayment() {
        assertThat(CommissionRule.commissionFor(Money.of(1000, "JPY"), 2500)).isEqualTo(Money.of(250, "JPY"));
        assertThat(CommissionRule.commissionFor(Money.of(1250, "EUR"), 1500)).isEqualTo(Money.of(187, "EUR"));
    }

    @Test
    void overflowIsRefusedRatherThanWrapped() {
        assertThatThrownBy(() -> CommissionRule.commissionFor(usd(Long.MAX_VALUE / 2), 3000))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void largeButSafeAmountIsExact() {
        // 10^14 minor units x 3000 = 3 x 10^17, within a long
        assertThat(CommissionRule.commissionFor(usd(100_000_000_000_000L), 3000)).isEqualTo(usd(30_000_000_000_000L));
    }

    @ParameterizedTest(name = "{0} paid, {1} refunded, at {2} bps still earns {3}")
    @CsvSource({
            "900, 0, 3000, 270",
            "900, 300, 3000, 180",
            "900, 600, 3000, 90",
            "900, 899, 3000, 0",    // 0.3
            "900, 900, 3000, 0",
            "999, 1, 3333, 332",    // 998 x 0.3333 = 332.6334
            "999, 500, 3333, 166",  // 499 x 0.3333 = 166.3167
            "900, 300, 0, 0",
            "900, 300, 10000, 600"})
    void earnedAfterRefundsIsTheRuleOnWhatWasKept(long paid, long refunded, int basisPoints, long expected) {
        assertThat(CommissionRule.earnedAfterRefunds(usd(paid), usd(refunded), basisPoints)).isEqualTo(usd(expected));
    }

    @Test
    void refundAboveThePaymentEarnsNothingRatherThanANegativeAmount() {
        assertThat(CommissionRule.earnedAfterRefunds(usd(900), usd(1000), 3000)).isEqualTo(usd(0));
        assertThat(CommissionRule.earnedAfterRefunds(usd(900), usd(Long.MAX_VALUE), 3000)).isEqualTo(usd(0));
    }

    @Test
    void noRefundEarnsTheFullCommission() {
        assertThat(CommissionRule.earnedAfterRefunds(usd(999), usd(0), 3333))
                .isEqualTo(CommissionRule.commissionFor(usd(999), 3333));
    }

    @Test
    void earnedAfterRefundsKeepsTheCurrencyOfThePayment() {
        assertThat(CommissionRule.earnedAfterRefunds(Money.of(1000, "EUR"), Money.of(200, "EUR"), 2500))
                .isEqualTo(Money.of(200, "EUR"));
    }

    @Test
    void aFullRefundReversesExactlyTheCommission() {
        Money paid = usd(999);
        Money commission = CommissionRule.commissionFor(paid, 3333);

        long reversed = commission.amountMinor() - CommissionRule.earnedAfterRefunds(paid, paid, 3333).amountMinor();

        assertThat(reversed).isEqualTo(commission.amountMinor());
    }

    @Test
    void earnedNeverGrowsAsRefundsGrow() {
        Money paid = usd(999);
        long previous = Long.MAX_VALUE;
        for (long refunded = 0; refunded <= 1100; refunded++) {
            long earned = CommissionRule.earnedAfterRefunds(paid, usd(refunded), 3333).amountMinor();
            assertThat(earned).isLessThanOrEqualTo(previous)
                    .isLessThanOrEqualTo(CommissionRule.commissionFor(paid, 3333).amountMinor())
                    .isGreaterThanOrEqualTo(0);
            previous = earned;
        }
    }
}
