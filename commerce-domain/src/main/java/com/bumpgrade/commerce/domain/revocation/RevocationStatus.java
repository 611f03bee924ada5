package com.bumpgrade.commerce.domain.revocation;

import java.util.Locale;

/** proposed -> recorded | dismissed; recorded -> cancelled. No state removes access: live removal does not exist. */
public enum RevocationStatus {
    PROPOSED, RECORDED, DISMISSED, CANCELLED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Proposed and recorded intents hold the entitlement's one open slot. */
    public boolean isOpen() {
        return this == PROPOSED || this == RECORDED;
    }
}
