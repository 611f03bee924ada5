package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** charge.refunded: the cumulative amount refunded so far, so a redelivery or an older event changes nothing. */
public record RecordCheckoutRefund(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId,
        Money amountRefundedTotal, boolean fullyRefunded, Instant refundedAt) {
}
