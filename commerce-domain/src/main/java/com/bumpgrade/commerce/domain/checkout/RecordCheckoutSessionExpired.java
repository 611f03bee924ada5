package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stripe expired the Checkout Session (checkout.session.expired). */
public record RecordCheckoutSessionExpired(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId,
        Instant expiredAt) {
}
