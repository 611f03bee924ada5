package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record CheckoutSessionOpened(CheckoutIntentId checkoutIntentId, PublisherId publisherId, int attempt,
                                    Instant sessionExpiresAt, BillingContext context, Instant openedAt) {
}
