package com.bumpgrade.commerce.domain.checkout;

import java.util.Locale;

/** Public lifecycle of a checkout intent. */
public enum CheckoutStatus {
    /** Recorded before Stripe is called; no Checkout Session yet. */
    STARTED,
    /** A Checkout Session exists and the buyer can pay. */
    OPEN,
    /** The last attempt to create a Checkout Session failed; a retry with the same key may try again. */
    SESSION_FAILED,
    /** The intent was expired before payment, by an agent or by Stripe. */
    EXPIRED,
    /** A delayed payment method failed (verified webhook). */
    FAILED,
    /** Payment confirmed by a verified webhook whose amount, currency and mode matched. */
    PAID,
    /** The whole payment was refunded (verified webhook). */
    REFUNDED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean awaitsSession() {
        return this == STARTED || this == SESSION_FAILED;
    }

    /** Money was received: nothing unpaid may happen to the intent any more. */
    boolean moneyReceived() {
        return this == PAID || this == REFUNDED;
    }
}
