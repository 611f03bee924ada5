package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record PartnerRegistered(PartnerRecordId partnerRecordId, PublisherId publisherId, PartnerId partnerId,
                                String displayName, String referralCode, int commissionBasisPoints,
                                BillingContext context, Instant registeredAt) {
}
