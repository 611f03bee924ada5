package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.api.entitlement.EntitlementProperties;
import com.bumpgrade.commerce.api.stripe.StripePaymentLookup;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.ConfirmCheckoutPayment;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.checkout.PaymentNotYetRecorded;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutDispute;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutPaymentFailed;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutRefund;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutSessionExpired;
import com.bumpgrade.commerce.domain.checkout.StripeOutcome;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.RecordSubscriptionState;
import com.bumpgrade.commerce.domain.shared.DerivedIds;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.AttributeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.ConcludeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.webhook.WebhookEvidenceProjection;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns recorded, verified Stripe events into idempotent commands on the aggregates they concern. Runs in its own
 * processing group, after the webhook was acknowledged; never replayed (its commands are side effects, and the
 * events they produced are already in the store). Command targets are found through the private reference
 * table, so a retried or re-driven event reaches the same intent and applies at most once.
 */
@Component
@ProcessingGroup(StripeEventTranslator.GROUP)
@DisallowReplay
public class StripeEventTranslator {
    public static final String GROUP = WebhookEvidenceProjection.TRANSLATION_GROUP;
    private static final String CHECKOUT = "checkout_intent";

    private final WebhookDeliveries deliveries;
    private final StripeReferenceVault vault;
    private final StripePaymentLookup payments;
    private final CommandGateway commands;
    private final EntitlementProperties entitlements;
    private final CheckoutIntentOwners owners;
    private final Clock clock;

    public StripeEventTranslator(WebhookDeliveries deliveries, StripeReferenceVault vault,
                                 StripePaymentLookup payments, CommandGateway commands,
                                 EntitlementProperties entitlements, CheckoutIntentOwners owners, Clock clock) {
        this.owners = owners;
        this.entitlements = entitlements;
        this.deliveries = deliveries;
        this.vault = vault;
        this.payments = payments;
        this.commands = commands;
        this.clock = clock;
    }

    /** How one event ended, before it is recorded on the evidence. */
    private record Conclusion(EvidenceOutcome outcome, String reason, PublisherId publisherId, String intentId) {
        static Conclusion of(EvidenceOutcome outcome, String reason) {
            return new Conclusion(outcome, reason, null, null);
        }

        static Conclusion from(String intentId, StripeOutcome outcome) {
            EvidenceOutcome evidence = switch (outcome.result()) {
                case APPLIED -> EvidenceOutcome.PROCESSED;
                case ALREADY, STALE -> EvidenceOutcome.IGNORED;
                case REJECTED -> EvidenceOutcome.REJECTED;
            };
            return new Conclusion(evidence, outcome.reason(), outcome.publisherId(), intentId);
        }
    }

    @EventHandler
    void on(StripeEventReceived received) {
        Conclusion conclusion;
        try {
            conclusion = translate(received);
        } catch (PaymentNotYetRecorded early) {
            // Name the owner before failing, so the dead-lettered evidence is visible to that publisher.
            commands.sendAndWait(new AttributeStripeEvent(received.evidenceId(), early.publisherId(), CHECKOUT,
                    early.checkoutIntentId().value(), clock.instant()));
            throw early;
        }
        commands.sendAndWait(new ConcludeStripeEvent(received.evidenceId(), conclusion.outcome(), conclusion.reason(),
                conclusion.publisherId(),
                conclusion.intentId() == null ? null : CHECKOUT, conclusion.intentId(), clock.instant()));
    }

    private Conclusion translate(StripeEventReceived received) {
        if (received.verification() != Verification.VERIFIED) {
            return Conclusion.of(EvidenceOutcome.IGNORED, "unverified");
        }
        String payload = deliveries.payload(received.evidenceId()).orElseThrow(() ->
                new IllegalStateException("no private delivery for " + received.evidenceId()));
        Event event = ApiResource.GSON.fromJson(payload, Event.class);
        WebhookEvidenceId evidence = received.evidenceId();
        Instant at = received.stripeCreatedAt();
        return switch (received.eventType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                    session(event).map(s -> paid(evidence, s, received.eventType(), at))
                            .orElse(Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_checkout_session"));
            case "checkout.session.async_payment_failed" -> session(event)
                    .map(s -> Conclusion.from(s.intentId(), commands.sendAndWait(
                            new RecordCheckoutPaymentFailed(s.intent(), evidence, at))))
                    .orElse(Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_checkout_session"));
            case "checkout.session.expired" -> session(event)
                    .map(s -> Conclusion.from(s.intentId(), commands.sendAndWait(
                            new RecordCheckoutSessionExpired(s.intent(), evidence, at))))
                    .orElse(Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_checkout_session"));
            case "charge.refunded" -> refund(evidence, (Charge) object(event), at);
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
                 "customer.subscription.paused", "customer.subscription.resumed" ->
                    subscription(evidence, ((Subscription) object(event)).getId());
            case "invoice.paid", "invoice.payment_failed" -> subscription(evidence, subscriptionOf((Invoice) object(event)));
            case "charge.dispute.created", "charge.dispute.closed" ->
                    dispute(evidence, (Dispute) object(event), received.eventType(), at);
            default -> Conclusion.of(EvidenceOutcome.IGNORED, "unhandled_type");
        };
    }

    private record MatchedSession(Session session, String intentId) {
        CheckoutIntentId intent() {
            return CheckoutIntentId.of(intentId);
        }
    }

    /** The intent's publisher by Bumpgrade's own record; the payload's metadata never names it. */
    private PublisherId publisherOf(String intentId) {
        return owners.publisherOf(intentId).orElse(null);
    }

    /** The intent of a session, only if Bumpgrade created that session (the vault links them). */
    private Optional<MatchedSession> session(Event event) {
        Session session = (Session) object(event);
        if (session.getId() == null) {
            return Optional.empty();
        }
        return vault.findBumpgradeId(StripeReferenceVault.Kind.CHECKOUT_SESSION, session.getId())
                .filter(CheckoutIntentId::isWellFormed)
                .map(intent -> new MatchedSession(session, intent));
    }

    private Conclusion paid(WebhookEvidenceId evidence, MatchedSession matched, String type, Instant at) {
        Session session = matched.session();
        String paymentStatus = session.getPaymentStatus();
        if (type.equals("checkout.session.completed")
                && !"paid".equals(paymentStatus) && !"no_payment_required".equals(paymentStatus)) {
            // a delayed payment method: async_payment_succeeded or _failed follows
            return new Conclusion(EvidenceOutcome.IGNORED, "payment_pending", publisherOf(matched.intentId()),
                    matched.intentId());
        }
        if (session.getAmountTotal() == null || session.getCurrency() == null) {
            return new Conclusion(EvidenceOutcome.REJECTED, "amount_missing", publisherOf(matched.intentId()),
                    matched.intentId());
        }
        if (session.getPaymentIntent() != null) {
            vault.put(matched.intentId(), StripeReferenceVault.Kind.PAYMENT_INTENT, session.getPaymentIntent());
        }
        if (session.getCustomer() != null) {
            vault.put(matched.intentId(), StripeReferenceVault.Kind.CUSTOMER, session.getCustomer());
        }
        if (session.getSubscription() != null) {
            vault.put(matched.intentId(), StripeReferenceVault.Kind.SUBSCRIPTION, session.getSubscription());
        }
        CheckoutMode mode = "subscription".equals(session.getMode()) ? CheckoutMode.SUBSCRIPTION : CheckoutMode.PAYMENT;
        StripeOutcome outcome = commands.sendAndWait(new ConfirmCheckoutPayment(matched.intent(), evidence,
                Money.of(session.getAmountTotal(), session.getCurrency()),
                mode, Boolean.TRUE.equals(session.getLivemode()), at));
        return Conclusion.from(matched.intentId(), outcome);
    }

    /**
     * Billing events only say that something changed: the subscription is re-read, and its current state recorded
     * on the entitlement the checkout granted. The checkout is the one the private reference table links to the
     * subscription (linked when its session completed), else the one named in metadata Bumpgrade set on the
     * subscription; either way the publisher is the intent's own, never the metadata's.
     */
    private Conclusion subscription(WebhookEvidenceId evidence, String subscriptionId) {
        if (subscriptionId == null) {
            return Conclusion.of(EvidenceOutcome.IGNORED, "no_subscription");
        }
        Optional<StripePaymentLookup.SubscriptionState> state = payments.subscription(subscriptionId);
        if (state.isEmpty()) {
            return Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_subscription");
        }
        Optional<String> linked = vault.findBumpgradeId(StripeReferenceVault.Kind.SUBSCRIPTION, subscriptionId)
                .filter(CheckoutIntentId::isWellFormed);
        String intentId = linked.orElse(state.get().metadata().get("bumpgrade_checkout_intent_id"));
        String offerId = state.get().metadata().get("bumpgrade_offer_id");
        PublisherId publisher = CheckoutIntentId.isWellFormed(intentId) ? publisherOf(intentId) : null;
        if (publisher == null || offerId == null) {
            return Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_subscription");
        }
        if (linked.isEmpty()) {
            vault.put(intentId, StripeReferenceVault.Kind.SUBSCRIPTION, subscriptionId);
        }
        EntitlementId entitlement = EntitlementId.forPurchase(CheckoutIntentId.of(intentId), OfferId.of(offerId));
        boolean changed;
        try {
            changed = commands.sendAndWait(new RecordSubscriptionState(entitlement, evidence,
                    state.get().status(), clock.instant(), state.get().currentPeriodEnd(), entitlements.gracePeriod()));
        } catch (AggregateNotFoundException early) {
            // Before the checkout's payment was recorded there is no entitlement yet: name the owner, fail, retry.
            commands.sendAndWait(new AttributeStripeEvent(evidence, publisher, CHECKOUT, intentId, clock.instant()));
            throw new DeferredTranslation("entitlement_not_yet_granted");
        }
        return new Conclusion(changed ? EvidenceOutcome.PROCESSED : EvidenceOutcome.IGNORED,
                changed ? "access_" + state.get().status() : "access_unchanged", publisher, intentId);
    }

    private static String subscriptionOf(Invoice invoice) {
        if (invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
            return null;
        }
        return invoice.getParent().getSubscriptionDetails().getSubscription();
    }

    private Conclusion refund(WebhookEvidenceId evidence, Charge charge, Instant at) {
        Optional<String> intent = intentOfPayment(charge.getPaymentIntent());
        if (intent.isEmpty()) {
            return Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_payment");
        }
        if (charge.getAmountRefunded() == null || charge.getCurrency() == null) {
            return new Conclusion(EvidenceOutcome.REJECTED, "amount_missing", publisherOf(intent.get()), intent.get());
        }
        StripeOutcome outcome = commands.sendAndWait(new RecordCheckoutRefund(CheckoutIntentId.of(intent.get()),
                evidence, Money.of(charge.getAmountRefunded(), charge.getCurrency()),
                Boolean.TRUE.equals(charge.getRefunded()), at));
        return Conclusion.from(intent.get(), outcome);
    }

    private Conclusion dispute(WebhookEvidenceId evidence, Dispute dispute, String type, Instant at) {
        Optional<String> intent = intentOfPayment(dispute.getPaymentIntent());
        if (intent.isEmpty()) {
            return Conclusion.of(EvidenceOutcome.UNMATCHED, "unknown_payment");
        }
        String ref = disputeRef(dispute.getId());
        vault.put(ref, StripeReferenceVault.Kind.DISPUTE, dispute.getId());
        StripeOutcome outcome = commands.sendAndWait(new RecordCheckoutDispute(CheckoutIntentId.of(intent.get()),
                evidence, ref, type.endsWith(".created") ? DisputePhase.OPENED : DisputePhase.CLOSED,
                dispute.getStatus() == null ? "unknown" : dispute.getStatus().toLowerCase(Locale.ROOT),
                Money.of(dispute.getAmount() == null ? 0 : dispute.getAmount(),
                        dispute.getCurrency() == null ? "usd" : dispute.getCurrency()), at));
        return Conclusion.from(intent.get(), outcome);
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
        Optional<String> linked = vault.findBumpgradeId(StripeReferenceVault.Kind.PAYMENT_INTENT, paymentIntentId);
        if (linked.isPresent()) {
            return linked;
        }
        return payments.checkoutIntentOf(paymentIntentId).filter(CheckoutIntentId::isWellFormed);
    }

    private static StripeObject object(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                // api_version of another release: read what can be read, the fields used here are stable
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalStateException("unreadable Stripe event object", e);
            }
        });
    }

    static String disputeRef(String disputeId) {
        return DerivedIds.hashed("dsp", "stripe-dispute|" + disputeId);
    }
}
