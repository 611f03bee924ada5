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

    /**
     * Whether the buyer's link is closed for good. A view read may lag behind the write that answered 201, so
     * only a status that can never become payable again closes it; {@code started} and {@code session_failed}
     * may already be {@code open} in the event store.
     */
    public boolean closedToBuyer() {
        return this == EXPIRED || this == FAILED || this == PAID || this == REFUNDED;
    }

    public static CheckoutStatus fromPublicName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    boolean awaitsSession() {
        return this == STARTED || this == SESSION_FAILED;
    }

    /** Money was received: nothing unpaid may happen to the intent any more. */
    boolean moneyReceived() {
        return this == PAID || this == REFUNDED;
    }
}
