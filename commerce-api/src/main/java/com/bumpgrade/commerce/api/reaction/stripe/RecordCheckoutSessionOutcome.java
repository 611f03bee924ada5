package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.api.stripe.StripeLookups;
import com.bumpgrade.commerce.api.stripe.StripeReferences;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.ConfirmCheckoutPayment;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutPaymentFailed;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutSessionExpired;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.stripe.model.checkout.Session;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkout Session events: a paid session confirms the intent's payment (and links the session's PaymentIntent,
 * customer and subscription to the intent, and for buyer-choice bumps reads what was bought), a failed or expired one
 * records that. Only sessions Bumpgrade created
 * are matched: the private reference table links them to their intent.
 */
@Component
class RecordCheckoutSessionOutcome {
    private static final StripeConclusion UNKNOWN =
            StripeConclusion.of(EvidenceOutcome.UNMATCHED, "unknown_checkout_session");

    private final StripeReferences references;
    private final CheckoutIntentOwners owners;
    private final StripeLookups stripe;
    private final CommandGateway commands;

    RecordCheckoutSessionOutcome(StripeReferences references, CheckoutIntentOwners owners, StripeLookups stripe,
                                 CommandGateway commands) {
        this.references = references;
        this.owners = owners;
        this.stripe = stripe;
        this.commands = commands;
    }

    StripeConclusion paid(WebhookEvidenceId evidence, Session session, String type, Instant at) {
        Optional<String> matched = intentOf(session);
        if (matched.isEmpty()) {
            return UNKNOWN;
        }
        String intent = matched.get();
        String paymentStatus = session.getPaymentStatus();
        if (type.equals("checkout.session.completed")
                && !"paid".equals(paymentStatus) && !"no_payment_required".equals(paymentStatus)) {
            // a delayed payment method: async_payment_succeeded or _failed follows
            return new StripeConclusion(EvidenceOutcome.IGNORED, "payment_pending", owners.publisherOrNull(intent),
                    intent);
        }
        if (session.getAmountTotal() == null || session.getCurrency() == null) {
            return new StripeConclusion(EvidenceOutcome.REJECTED, "amount_missing", owners.publisherOrNull(intent),
                    intent);
        }
        if (session.getPaymentIntent() != null) {
            references.put(intent, Kind.PAYMENT_INTENT, session.getPaymentIntent());
        }
        if (session.getCustomer() != null) {
            references.put(intent, Kind.CUSTOMER, session.getCustomer());
        }
        if (session.getSubscription() != null) {
            references.put(intent, Kind.SUBSCRIPTION, session.getSubscription());
        }
        CheckoutMode mode = "subscription".equals(session.getMode()) ? CheckoutMode.SUBSCRIPTION : CheckoutMode.PAYMENT;
        return StripeConclusion.from(intent, commands.sendAndWait(new ConfirmCheckoutPayment(
                CheckoutIntentId.of(intent), evidence, Money.of(session.getAmountTotal(), session.getCurrency()),
                mode, Boolean.TRUE.equals(session.getLivemode()), at, boughtOrderBumps(session))));
    }

    /**
     * A session with optional items (buyer-choice bumps) is read back from Stripe: which of them the buyer bought.
     * A line counts only if its Price is one Bumpgrade mapped (the vault knows it) and names its offer; the intent
     * then keeps only offered bumps and matches the amount against them. Null for a session without optional items.
     */
    private List<OfferId> boughtOrderBumps(Session session) {
        if (session.getOptionalItems() == null || session.getOptionalItems().isEmpty()) {
            return null;
        }
        return stripe.lineItems(session.getId()).stream()
                .filter(item -> item.offerId() != null && item.quantity() > 0 && item.stripePriceId() != null)
                .filter(item -> references.findBumpgradeId(Kind.PRICE, item.stripePriceId()).isPresent())
                .map(item -> offerOrNull(item.offerId())).filter(Objects::nonNull).distinct().toList();
    }

    private static OfferId offerOrNull(String value) {
        try {
            return OfferId.of(value);
        } catch (IllegalArgumentException e) {
            return null; // metadata someone else wrote: no offer of Bumpgrade's
        }
    }

    StripeConclusion failed(WebhookEvidenceId evidence, Session session, Instant at) {
        return intentOf(session).map(intent -> StripeConclusion.from(intent, commands.sendAndWait(
                new RecordCheckoutPaymentFailed(CheckoutIntentId.of(intent), evidence, at)))).orElse(UNKNOWN);
    }

    StripeConclusion expired(WebhookEvidenceId evidence, Session session, Instant at) {
        return intentOf(session).map(intent -> StripeConclusion.from(intent, commands.sendAndWait(
                new RecordCheckoutSessionExpired(CheckoutIntentId.of(intent), evidence, at)))).orElse(UNKNOWN);
    }

    /** The intent of a session, only if Bumpgrade created that session (the reference table links them). */
    private Optional<String> intentOf(Session session) {
        if (session.getId() == null) {
            return Optional.empty();
        }
        return references.findBumpgradeId(Kind.CHECKOUT_SESSION, session.getId())
                .filter(CheckoutIntentId::isWellFormed);
    }
}
