package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.time.Instant;

public record CheckoutSessionFailed(CheckoutIntentId checkoutIntentId, PublisherId publisherId, int attempt,
                                    SessionFailure failure, BillingContext context, Instant failedAt) {
}
