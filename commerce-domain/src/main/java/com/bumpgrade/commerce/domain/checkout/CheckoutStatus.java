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
    /** The intent was expired before payment. */
    EXPIRED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean awaitsSession() {
        return this == STARTED || this == SESSION_FAILED;
    }
}
