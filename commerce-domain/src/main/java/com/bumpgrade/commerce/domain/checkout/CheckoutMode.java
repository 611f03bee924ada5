package com.bumpgrade.commerce.domain.checkout;

/** Stripe Checkout mode the intent was started in. */
public enum CheckoutMode {
    PAYMENT, SUBSCRIPTION
}
