package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.stripe.StripeLookups;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.api.stripe.StripeReferences;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutDispute;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutRefund;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Charge events: a refund or a dispute of a payment Bumpgrade took is recorded on the checkout it paid. A dispute
 * gets a Bumpgrade reference (its Stripe id is kept in the private reference table only).
 */
@Component
class RecordChargeRefundsAndDisputes {
    private static final StripeConclusion UNKNOWN = StripeConclusion.of(EvidenceOutcome.UNMATCHED, "unknown_payment");

    private final StripeReferences references;
    private final StripeLookups stripe;
    private final CheckoutIntentOwners owners;
    private final CommandGateway commands;

    RecordChargeRefundsAndDisputes(StripeReferences references, StripeLookups stripe, CheckoutIntentOwners owners,
                                   CommandGateway commands) {
        this.references = references;
        this.stripe = stripe;
        this.owners = owners;
        this.commands = commands;
    }

    StripeConclusion refunded(WebhookEvidenceId evidence, Charge charge, Instant at) {
        Optional<String> intent = intentOfPayment(charge.getPaymentIntent());
        if (intent.isEmpty()) {
            return UNKNOWN;
        }
        if (charge.getAmountRefunded() == null || charge.getCurrency() == null) {
            return new StripeConclusion(EvidenceOutcome.REJECTED, "amount_missing",
                    owners.publisherOrNull(intent.get()), intent.get());
        }
        return StripeConclusion.from(intent.get(), commands.sendAndWait(new RecordCheckoutRefund(
                CheckoutIntentId.of(intent.get()), evidence, Money.of(charge.getAmountRefunded(), charge.getCurrency()),
                Boolean.TRUE.equals(charge.getRefunded()), at)));
    }

    StripeConclusion disputed(WebhookEvidenceId evidence, Dispute dispute, String type, Instant at) {
        Optional<String> intent = intentOfPayment(dispute.getPaymentIntent());
        if (intent.isEmpty()) {
            return UNKNOWN;
        }
        String ref = disputeRef(dispute.getId());
        references.put(ref, Kind.DISPUTE, dispute.getId());
        return StripeConclusion.from(intent.get(), commands.sendAndWait(new RecordCheckoutDispute(
                CheckoutIntentId.of(intent.get()), evidence, ref,
                type.endsWith(".created") ? DisputePhase.OPENED : DisputePhase.CLOSED,
                dispute.getStatus() == null ? "unknown" : dispute.getStatus().toLowerCase(Locale.ROOT),
                Money.of(dispute.getAmount() == null ? 0 : dispute.getAmount(),
                        dispute.getCurrency() == null ? "usd" : dispute.getCurrency()), at)));
    }

    /**
     * The intent a PaymentIntent paid. Linked when the session completed; if the charge event came first, the
     * PaymentIntent's own metadata says whether it is Bumpgrade's, and then the event must wait (the domain
     * refuses a refund before the payment, so it is retried and, in the end, dead-lettered).
     */
    private Optional<String> intentOfPayment(String paymentIntentId) {
        if (paymentIntentId == null) {
            return Optional.empty();
        }
        Optional<String> linked = references.findBumpgradeId(Kind.PAYMENT_INTENT, paymentIntentId);
        if (linked.isPresent()) {
            return linked;
        }
        Optional<String> ours = stripe.checkoutIntentOf(paymentIntentId).filter(CheckoutIntentId::isWellFormed);
        if (ours.isPresent()) {
            return ours;
        }
        // a subscription's payment: the intent that sold the subscription (linked when its session completed)
        return stripe.subscriptionPaidBy(paymentIntentId).flatMap(subscription -> references
                .findBumpgradeId(Kind.SUBSCRIPTION, subscription)
                .or(() -> stripe.subscription(subscription)
                        .map(state -> state.metadata().get("bumpgrade_checkout_intent_id"))))
                .filter(CheckoutIntentId::isWellFormed);
    }

    static String disputeRef(String disputeId) {
        return DerivedIds.hashed("dsp", "stripe-dispute|" + disputeId);
    }
}
