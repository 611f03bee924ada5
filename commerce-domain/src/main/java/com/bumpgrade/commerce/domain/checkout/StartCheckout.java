package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.referral.ReferralAttribution;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Record a confirmed checkout before Stripe is called; repeating the same request changes nothing. The referral
 * attribution, when present, was validated by {@code AttributionPolicy}. {@code offeredOrderBumps} is the main
 * offer's list in the catalogue when the checkout was requested: every bump line must be on it.
 */
public record StartCheckout(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                            OfferId offerId, CheckoutMode mode, List<CheckoutLine> lines, Money total,
                            String requestFingerprint, BillingContext context, Instant requestedAt,
                            ReferralAttribution attribution, boolean livemode, List<OfferId> offeredOrderBumps,
                            OrderBumpMode orderBumpMode) {
    public StartCheckout {
        lines = List.copyOf(lines);
        offeredOrderBumps = offeredOrderBumps == null ? List.of() : List.copyOf(offeredOrderBumps);
        orderBumpMode = OrderBumpMode.orDefault(orderBumpMode);
    }

    /** Without order bumps offered, pre-selected: a cart with no bump line. */
    public StartCheckout(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                         CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                         BillingContext context, Instant requestedAt, ReferralAttribution attribution,
                         boolean livemode) {
        this(checkoutIntentId, publisherId, offerId, mode, lines, total, requestFingerprint, context, requestedAt,
                attribution, livemode, List.of(), OrderBumpMode.PRESELECTED);
    }

    /** A sandbox checkout, with or without a referral click. */
    public StartCheckout(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                         CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                         BillingContext context, Instant requestedAt, ReferralAttribution attribution) {
        this(checkoutIntentId, publisherId, offerId, mode, lines, total, requestFingerprint, context, requestedAt,
                attribution, false);
    }

    /** A checkout without a referral click. */
    public StartCheckout(CheckoutIntentId checkoutIntentId, PublisherId publisherId, OfferId offerId,
                         CheckoutMode mode, List<CheckoutLine> lines, Money total, String requestFingerprint,
                         BillingContext context, Instant requestedAt) {
        this(checkoutIntentId, publisherId, offerId, mode, lines, total, requestFingerprint, context, requestedAt,
                null, false);
    }
}
