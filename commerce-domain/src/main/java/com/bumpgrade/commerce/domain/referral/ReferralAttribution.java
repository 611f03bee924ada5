package com.bumpgrade.commerce.domain.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * Public-safe evidence that a validated referral click was attached to a checkout: which click, which partner,
 * and the commission rule in force when the checkout started (basis points of the amount paid).
 */
public record ReferralAttribution(ReferralClickId clickId, PartnerId partnerId, int commissionBasisPoints,
                                  Instant clickedAt) {
    public ReferralAttribution {
        Objects.requireNonNull(clickId, "clickId");
        Objects.requireNonNull(partnerId, "partnerId");
        if (commissionBasisPoints < 0 || commissionBasisPoints > 10_000) {
            throw new IllegalArgumentException("commission must be 0-10000 basis points");
        }
    }
}
