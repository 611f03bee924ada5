package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An owner registers a referral partner of their publisher, with the commission it earns. */
public record RegisterPartner(@TargetAggregateIdentifier PartnerRecordId partnerRecordId, PublisherId publisherId,
                              PartnerId partnerId, String displayName, String referralCode,
                              int commissionBasisPoints, BillingContext context, Instant registeredAt) {
}
