package com.bumpgrade.commerce.domain.webhook;

/** What recording a delivery amounted to. */
public enum RecordedDelivery {
    FIRST, DUPLICATE, PAYLOAD_MISMATCH
}
