package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Which post-purchase path did this intent's first decision fix, and what was decided? None before a decision. */
public record WhichPostPurchasePathHasCheckoutIntent(CheckoutIntentId checkoutIntentId, PublisherId publisherId) {
}
