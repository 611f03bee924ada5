package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A visitor followed an active partner's link; {@code context} names no person (actor {@code visitor}). */
public record RecordReferralClick(@TargetAggregateIdentifier ReferralClickId clickId, PublisherId publisherId,
                                  PartnerId partnerId, BillingContext context, Instant clickedAt) {
}
