package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

import java.util.Arrays;
import java.util.Locale;

/** What the buyer did with a post-purchase offer: it was shown, then accepted or declined. */
public enum PostPurchaseDecision {
    SHOWN, ACCEPTED, DECLINED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepted or declined: the buyer's answer, after which the step is decided. */
    public boolean answers() {
        return this != SHOWN;
    }

    public static PostPurchaseDecision parse(String value) {
        return Arrays.stream(values()).filter(d -> d.publicName().equals(value)).findFirst()
                .orElseThrow(() -> new BillingRuleViolation("invalid_decision",
                        "decision must be shown, accepted or declined."));
    }
}
