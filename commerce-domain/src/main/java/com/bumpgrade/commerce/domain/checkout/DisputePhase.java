package com.bumpgrade.commerce.domain.checkout;

/** Which dispute event was received. */
public enum DisputePhase {
    OPENED, CLOSED
}
