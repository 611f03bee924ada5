package com.bumpgrade.commerce.domain.webhook;

/** Whether the delivery's Stripe-Signature was checked against a configured secret. Only VERIFIED is trusted. */
public enum Verification {
    VERIFIED, UNVERIFIED
}
