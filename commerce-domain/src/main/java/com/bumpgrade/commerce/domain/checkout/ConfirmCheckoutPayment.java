package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Payment reported by a verified checkout.session.completed or async_payment_succeeded event. */
public record ConfirmCheckoutPayment(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId,
        Money amountPaid, CheckoutMode mode, boolean livemode, Instant paidAt) {
}
