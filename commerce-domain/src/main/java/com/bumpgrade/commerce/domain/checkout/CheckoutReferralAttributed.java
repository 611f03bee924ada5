package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.referral.ReferralAttribution;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

/**
 * A validated referral click was attached to the checkout when it started: public-safe attribution evidence.
 * {@code context} is the starting request's (null in events stored before it was recorded).
 */
public record CheckoutReferralAttributed(CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                                         ReferralAttribution attribution, Instant attributedAt,
                                         BillingContext context) {
}
