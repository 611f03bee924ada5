package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A delayed payment method failed (checkout.session.async_payment_failed). */
public record RecordCheckoutPaymentFailed(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId,
        Instant failedAt) {
}
