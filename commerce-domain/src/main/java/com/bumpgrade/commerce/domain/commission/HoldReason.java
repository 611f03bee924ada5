package com.bumpgrade.commerce.domain.commission;

/** Why an entry is held: an owner's decision, a refund on the checkout, or an open dispute. */
public enum HoldReason {
    OWNER, REFUND, DISPUTE
}
