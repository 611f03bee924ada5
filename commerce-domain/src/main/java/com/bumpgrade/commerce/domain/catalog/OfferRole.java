package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an offer is sold: as the main item of a checkout, as an order bump beside one, or on a main offer's
 * post-purchase path (upsell, downsell).
 */
public enum OfferRole {
    MAIN, ORDER_BUMP, UPSELL, DOWNSELL;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OfferRole parse(String value) {
        return Arrays.stream(values()).filter(r -> r.publicName().equals(value)).findFirst()
                .orElseThrow(() -> new BillingRuleViolation("invalid_role",
                        "role must be main, order_bump, upsell or downsell."));
    }
}
