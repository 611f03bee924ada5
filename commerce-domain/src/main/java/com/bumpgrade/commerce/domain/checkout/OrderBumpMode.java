package com.bumpgrade.commerce.domain.checkout;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a checkout sells its order bumps: {@code PRESELECTED} adds the bumps the agent chose as line items (the buyer
 * pays them all); {@code BUYER_CHOICE} offers them as Stripe optional items, which the buyer ticks on Stripe's page,
 * so what was bought is known only once the session is completed.
 */
public enum OrderBumpMode {
    PRESELECTED, BUYER_CHOICE;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderBumpMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.publicName().equals(value)).findFirst();
    }

    /** Events stored before the modes existed were all pre-selected. */
    public static OrderBumpMode orDefault(OrderBumpMode mode) {
        return mode == null ? PRESELECTED : mode;
    }
}
