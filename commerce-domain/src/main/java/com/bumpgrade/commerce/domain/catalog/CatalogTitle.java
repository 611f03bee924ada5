package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

/** A title is shown to buyers and quoted in confirmation phrases: 1-200 visible characters, no control characters. */
public final class CatalogTitle {
    public static final int MAX_LENGTH = 200;

    private CatalogTitle() {
    }

    public static String require(String title) {
        if (title == null || title.isBlank() || title.length() > MAX_LENGTH
                || title.codePoints().anyMatch(Character::isISOControl) || !title.equals(title.strip())) {
            throw new BillingRuleViolation("invalid_title",
                    "title must be 1-" + MAX_LENGTH + " characters without control characters or outer spaces.");
        }
        return title;
    }
}
