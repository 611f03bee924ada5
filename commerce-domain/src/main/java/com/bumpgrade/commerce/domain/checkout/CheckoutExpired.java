package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record CheckoutExpired(CheckoutIntentId checkoutIntentId, PublisherId publisherId, ExpiryCause cause, BillingContext context,
                              Instant expiredAt) {
}
