package com.bumpgrade.commerce.domain.asset;

import java.util.Locale;

/** An asset is active once recorded; archived is final (its bytes stay stored, nothing uses it any more). */
public enum AssetStatus {
    ACTIVE, ARCHIVED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
