package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;
import java.util.List;

/**
 * Evidence: on the intent's post-purchase {@code path} (the one fixed by its first decision), the offer of
 * {@code step} was shown, accepted or declined, by whom. No money moved.
 */
public record PostPurchaseDecisionRecorded(CheckoutIntentId checkoutIntentId, PublisherId publisherId,
                                           List<PostPurchaseStep> path, PostPurchaseStep step,
                                           PostPurchaseDecision decision, BillingContext context, Instant at) {
}
