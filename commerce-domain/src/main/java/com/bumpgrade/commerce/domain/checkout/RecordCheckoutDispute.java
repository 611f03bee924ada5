package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** charge.dispute.created or .closed; the dispute is named by a Bumpgrade reference, never by its Stripe id. */
public record RecordCheckoutDispute(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId,
        String disputeRef, DisputePhase phase, String disputeStatus, Money amount, Instant at) {
}
