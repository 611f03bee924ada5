package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

/**
 * The owner's reason for holding or reversing a commission entry: 1-200 characters once surrounding white space
 * is dropped. It is part of the confirmation phrase and the audit trail, so it must say something and stay short.
 */
public final class CommissionReason {
    public static final int MAX_LENGTH = 200;

    private CommissionReason() {
    }

    /** The stripped reason, or {@code reason_required}; {@code action} ("hold", "reverse") names what needs it. */
    public static String require(String given, String action) {
        String reason = given == null ? "" : given.strip();
        if (reason.isEmpty() || reason.length() > MAX_LENGTH) {
            throw new BillingRuleViolation("reason_required",
                    "A reason of 1-" + MAX_LENGTH + " characters is required to " + action + ".");
        }
        return reason;
    }
}
