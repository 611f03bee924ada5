package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;

/**
 * Why access should be removed: 1-200 characters once surrounding white space is dropped. Owners write it; it is
 * part of the confirmation phrase and the audit trail. Intents proposed by money events use fixed reasons.
 */
public final class RevocationReason {
    public static final int MAX_LENGTH = 200;
    public static final String FULL_REFUND = "full_refund";
    public static final String DISPUTE_LOST = "dispute_lost";

    private RevocationReason() {
    }

    /** The stripped reason, or {@code reason_required}. */
    public static String require(String given) {
        String reason = given == null ? "" : given.strip();
        if (reason.isEmpty() || reason.length() > MAX_LENGTH) {
            throw new BillingRuleViolation("reason_required",
                    "A reason of 1-" + MAX_LENGTH + " characters is required to record a revocation intent.");
        }
        return reason;
    }
}
