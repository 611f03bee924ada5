package com.bumpgrade.commerce.domain.shared;

/** Which dispute event was received. */
public enum DisputePhase {
    OPENED, CLOSED
}
