package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentMatchPolicyTest {

    private static final Money EXPECTED = Money.of(900, "USD");

    private static List<String> mismatches(Money paid, CheckoutMode mode, boolean livemode) {
        return PaymentMatchPolicy.mismatches(EXPECTED, CheckoutMode.PAYMENT, paid, mode, livemode);
    }

    @Test
    void matchingTestModePaymentHasNoMismatch() {
        assertThat(mismatches(Money.of(900, "USD"), CheckoutMode.PAYMENT, false)).isEmpty();
    }

    @Test
    void matchingSubscriptionHasNoMismatch() {
        assertThat(PaymentMatchPolicy.mismatches(EXPECTED, CheckoutMode.SUBSCRIPTION, Money.of(900, "USD"),
                CheckoutMode.SUBSCRIPTION, false)).isEmpty();
    }

    @Test
    void currencyIsComparedAfterNormalisation() {
        // Stripe reports currencies in lower case; Money.of normalises them.
        assertThat(mismatches(Money.of(900, "usd"), CheckoutMode.PAYMENT, false)).isEmpty();
    }

    @Test
    void lowerAmountIsAnAmountMismatch() {
        assertThat(mismatches(Money.of(899, "USD"), CheckoutMode.PAYMENT, false)).containsExactly("amount_mismatch");
    }

    @Test
    void higherAmountIsAnAmountMismatch() {
        assertThat(mismatches(Money.of(901, "USD"), CheckoutMode.PAYMENT, false)).containsExactly("amount_mismatch");
    }

    @Test
    void zeroAmountIsAnAmountMismatch() {
        assertThat(mismatches(Money.of(0, "USD"), CheckoutMode.PAYMENT, false)).containsExactly("amount_mismatch");
    }

    @Test
    void otherCurrencyIsACurrencyMismatch() {
        assertThat(mismatches(Money.of(900, "EUR"), CheckoutMode.PAYMENT, false)).containsExactly("currency_mismatch");
    }

    @Test
    void otherCurrencyAndAmountIsOnlyACurrencyMismatch() {
        // amounts in different currencies are not comparable, so no amount_mismatch is claimed
        assertThat(mismatches(Money.of(100, "EUR"), CheckoutMode.PAYMENT, false)).containsExactly("currency_mismatch");
    }

    @Test
    void otherModeIsAModeMismatch() {
        assertThat(mismatches(Money.of(900, "USD"), CheckoutMode.SUBSCRIPTION, false)).containsExactly("mode_mismatch");
    }

    @Test
    void liveModeIsALivemodeMismatch() {
        assertThat(mismatches(Money.of(900, "USD"), CheckoutMode.PAYMENT, true)).containsExactly("livemode_mismatch");
    }

    @Test
    void amountModeAndLivemodeAreAllReportedInOrder() {
        assertThat(mismatches(Money.of(100, "USD"), CheckoutMode.SUBSCRIPTION, true))
                .containsExactly("amount_mismatch", "mode_mismatch", "livemode_mismatch");
    }

    @Test
    void currencyModeAndLivemodeAreAllReportedInOrder() {
        assertThat(mismatches(Money.of(100, "EUR"), CheckoutMode.SUBSCRIPTION, true))
                .containsExactly("currency_mismatch", "mode_mismatch", "livemode_mismatch");
    }

    @Test
    void amountAndLivemodeWithoutModeMismatch() {
        assertThat(mismatches(Money.of(1000, "USD"), CheckoutMode.PAYMENT, true))
                .containsExactly("amount_mismatch", "livemode_mismatch");
    }

    @Test
    void currencyAndModeWithoutLivemodeMismatch() {
        assertThat(mismatches(Money.of(900, "GBP"), CheckoutMode.SUBSCRIPTION, false))
                .containsExactly("currency_mismatch", "mode_mismatch");
    }

    @Test
    void eachCallReturnsItsOwnList() {
        List<String> first = mismatches(Money.of(1, "USD"), CheckoutMode.PAYMENT, false);
        List<String> second = mismatches(Money.of(900, "USD"), CheckoutMode.PAYMENT, false);
        assertThat(first).containsExactly("amount_mismatch");
        assertThat(second).isEmpty();
    }
}
