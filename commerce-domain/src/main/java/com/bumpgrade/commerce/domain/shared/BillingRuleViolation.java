package com.bumpgrade.commerce.domain.shared;

/**
 * A command refused by a domain rule. The code is stable and public; the message is safe to show
 * (it never contains Stripe values).
 */
public class BillingRuleViolation extends RuntimeException {
    private final String code;

    public BillingRuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
