package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.api.webhook.DeliveredPayloads;
import com.bumpgrade.commerce.domain.checkout.PaymentNotYetRecorded;
import com.bumpgrade.commerce.domain.webhook.AttributeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.ConcludeStripeEvent;
import com.bumpgrade.commerce.domain.webhook.EvidenceOutcome;
import com.bumpgrade.commerce.domain.webhook.StripeEventReceived;
import com.bumpgrade.commerce.domain.webhook.Verification;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When a Stripe event was recorded, hand it to the handler of its object family and conclude the evidence with
 * what happened. Runs after the webhook was acknowledged; never replayed (its commands are side effects, and the
 * events they produced are already in the store). Command targets are found through the private reference table,
 * so a retried or re-driven event reaches the same intent and applies at most once.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class TranslateStripeEvent {
    static final String CHECKOUT = "checkout_intent";

    private final DeliveredPayloads deliveries;
    private final RecordCheckoutSessionOutcome sessions;
    private final RecordChargeRefundsAndDisputes charges;
    private final RecordSubscriptionAccess billing;
    private final CommandGateway commands;
    private final Clock clock;

    public TranslateStripeEvent(DeliveredPayloads deliveries, RecordCheckoutSessionOutcome sessions,
                                RecordChargeRefundsAndDisputes charges, RecordSubscriptionAccess billing,
                                CommandGateway commands, Clock clock) {
        this.deliveries = deliveries;
        this.sessions = sessions;
        this.charges = charges;
        this.billing = billing;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(StripeEventReceived received) {
        StripeConclusion conclusion;
        try {
            conclusion = translate(received);
        } catch (PaymentNotYetRecorded early) {
            // Name the owner before failing, so the dead-lettered evidence is visible to that publisher.
            commands.sendAndWait(new AttributeStripeEvent(received.evidenceId(), early.publisherId(), CHECKOUT,
                    early.checkoutIntentId().value(), clock.instant()));
            throw early;
        }
        commands.sendAndWait(new ConcludeStripeEvent(received.evidenceId(), conclusion.outcome(),
                conclusion.reason(), conclusion.publisherId(), conclusion.intentId() == null ? null : CHECKOUT,
                conclusion.intentId(), clock.instant()));
    }

    private StripeConclusion translate(StripeEventReceived received) {
        if (received.verification() != Verification.VERIFIED) {
            return StripeConclusion.of(EvidenceOutcome.IGNORED, "unverified");
        }
        String payload = deliveries.payload(received.evidenceId()).orElseThrow(() ->
                new IllegalStateException("no private delivery for " + received.evidenceId()));
        Event event = ApiResource.GSON.fromJson(payload, Event.class);
        WebhookEvidenceId evidence = received.evidenceId();
        Instant at = received.stripeCreatedAt();
        String type = received.eventType();
        return switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                    sessions.paid(evidence, (Session) object(event), type, at);
            case "checkout.session.async_payment_failed" -> sessions.failed(evidence, (Session) object(event), at);
            case "checkout.session.expired" -> sessions.expired(evidence, (Session) object(event), at);
            case "charge.refunded" -> charges.refunded(evidence, (Charge) object(event), at);
            case "charge.dispute.created", "charge.dispute.closed" ->
                    charges.disputed(evidence, (Dispute) object(event), type, at);
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
                 "customer.subscription.paused", "customer.subscription.resumed" ->
                    billing.subscriptionChanged(evidence, (Subscription) object(event));
            case "invoice.paid", "invoice.payment_failed" -> billing.invoiced(evidence, (Invoice) object(event));
            default -> StripeConclusion.of(EvidenceOutcome.IGNORED, "unhandled_type");
        };
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
}
