package com.bumpgrade.commerce.domain.catalog;

import java.util.Locale;

/** A draft is free to edit; a published offer is sold with an immutable price; an archived one is sold no more. */
public enum OfferStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
