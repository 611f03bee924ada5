package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/** Public-safe: the click id is random, and no address, user agent or cookie is recorded (D30). */
public record ReferralClickRecorded(ReferralClickId clickId, PublisherId publisherId, PartnerId partnerId,
                                    BillingContext context, Instant clickedAt) {
}
