package com.bumpgrade.commerce.domain.commission;

/** What {@link OpenCommissionEntry} did: opened now, or found it already open for the same checkout. */
public enum OpenedEntry {
    OPENED, ALREADY_OPEN
}
