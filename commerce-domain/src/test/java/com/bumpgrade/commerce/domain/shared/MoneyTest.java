package com.bumpgrade.commerce.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "900, USD, 9.00 USD",
            "0, USD, 0.00 USD",
            "5, USD, 0.05 USD",
            "2300, USD, 23.00 USD",
            "123456789, USD, 1234567.89 USD",
            "900, JPY, 900 JPY",
            "0, JPY, 0 JPY",
            "1234, KWD, 1.234 KWD",
            "1999, EUR, 19.99 EUR"})
    void displayUsesTheCurrencysMinorUnits(long amountMinor, String currency, String expected) {
        assertThat(Money.of(amountMinor, currency).display()).isEqualTo(expected);
    }

    @Test
    void displayNeverUsesScientificNotation() {
        assertThat(Money.of(100_000_000_000L, "USD").display()).isEqualTo("1000000000.00 USD");
    }

    @Test
    void ofNormalisesTheCurrencyCode() {
        assertThat(Money.of(900, "usd")).isEqualTo(new Money(900, "USD"));
    }

    @Test
    void negativeAmountIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(-1, "USD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDX", "", "U5D", "ABC", "XYZ"})
    void badCurrencyIsRefusedByTheConstructor(String currency) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(900, currency));
    }

    @Test
    void nullCurrencyIsRefusedByTheConstructor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Money(900, null));
    }

    @Test
    void unknownCurrencyIsRefusedByOf() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(900, "abc"));
    }

    @Test
    void plusAddsAmountsOfTheSameCurrency() {
        assertThat(Money.of(1800, "USD").plus(Money.of(500, "USD"))).isEqualTo(Money.of(2300, "USD"));
    }

    @Test
    void plusRefusesAnotherCurrency() {
        Money usd = Money.of(900, "USD");
        Money eur = Money.of(900, "EUR");

        assertThatIllegalArgumentException().isThrownBy(() -> usd.plus(eur))
                .withMessageContaining("EUR").withMessageContaining("USD");
    }

    @Test
    void timesMultipliesTheAmount() {
        assertThat(Money.of(900, "USD").times(3)).isEqualTo(Money.of(2700, "USD"));
    }

    @Test
    void overflowIsRefusedRatherThanWrapped() {
        Money huge = Money.of(Long.MAX_VALUE, "USD");

        assertThatThrownBy(() -> huge.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> huge.plus(Money.of(1, "USD"))).isInstanceOf(ArithmeticException.class);
    }
}
