package com.bumpgrade.commerce.domain.commission;

import java.util.Locale;

/** Review state of a commission entry. No state is payable: there is no payout. */
public enum CommissionStatus {
    PENDING_REVIEW, REVIEWED, ON_HOLD, REVERSED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
