package com.bumpgrade.commerce.domain.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** An amount in integer minor units of an ISO-4217 currency; never a floating-point value. */
public record Money(long amountMinor, String currency) {
    public Money {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an upper-case ISO-4217 code");
        }
        Currency.getInstance(currency);
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
    }

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency.toUpperCase(Locale.ROOT));
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(amountMinor, quantity), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** "9.00 USD": the form used in confirmation phrases and previews. */
    public String display() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amountMinor, digits).toPlainString() + " " + currency;
    }
}
