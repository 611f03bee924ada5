package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.PublisherId;

/** Which entitlements did this checkout grant? Answered only within the asking publisher. */
public record WhichEntitlements(PublisherId publisherId, CheckoutIntentId checkoutIntentId) {
}
