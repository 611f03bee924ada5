package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.bumpgrade.commerce.domain.shared.OfferId;

import java.time.Instant;
import java.util.List;

/**
 * Payment reported by a verified checkout.session.completed or async_payment_succeeded event. For a buyer-choice
 * checkout, {@code boughtOrderBumps} are the offered bumps the session's line items show bought (null when not read).
 */
public record ConfirmCheckoutPayment(@TargetAggregateIdentifier CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId,
        Money amountPaid, CheckoutMode mode, boolean livemode, Instant paidAt, List<OfferId> boughtOrderBumps) {
    public ConfirmCheckoutPayment {
        boughtOrderBumps = boughtOrderBumps == null ? null : List.copyOf(boughtOrderBumps);
    }

    /** Every line of the checkout was bought (pre-selected bumps). */
    public ConfirmCheckoutPayment(CheckoutIntentId checkoutIntentId, WebhookEvidenceId evidenceId, Money amountPaid,
                                  CheckoutMode mode, boolean livemode, Instant paidAt) {
        this(checkoutIntentId, evidenceId, amountPaid, mode, livemode, paidAt, null);
    }
}
