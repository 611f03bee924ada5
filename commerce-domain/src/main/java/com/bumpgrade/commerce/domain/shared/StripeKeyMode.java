package com.bumpgrade.commerce.domain.shared;

/** What kind of Stripe secret the service was given; decides whether Stripe may be called at all. */
public enum StripeKeyMode {
    NONE, SANDBOX, LIVE;

    public static StripeKeyMode of(String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            return NONE;
        }
        if (secretKey.startsWith("sk_test_") || secretKey.startsWith("rk_test_")) {
            return SANDBOX;
        }
        if (secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_")) {
            return LIVE;
        }
        return NONE;
    }
}
