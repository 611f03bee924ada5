package com.bumpgrade.commerce.domain.entitlement;

import java.util.Locale;

/** What an entitlement lets its holder do right now. */
public enum Access {
    /** Paid one-time, or a subscription that is active or trialing. */
    ACTIVE,
    /** A subscription whose first payment is not complete. */
    PENDING,
    /** past_due, within the grace period. */
    GRACE,
    /** past_due beyond grace, unpaid, or paused. */
    SUSPENDED,
    /** canceled or incomplete_expired. */
    ENDED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
