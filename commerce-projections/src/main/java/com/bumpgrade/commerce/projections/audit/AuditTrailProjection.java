package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.checkout.CheckoutExpired;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/**
 * One redacted audit entry per billing-impacting action and outcome, derived only from events, so the whole
 * trail can be rebuilt by replaying the event store. Runs in one segment: the hash chain needs a single order.
 */
@Component
@ProcessingGroup(AuditTrailProjection.GROUP)
public class AuditTrailProjection {
    public static final String GROUP = "audit-trail";
    private static final String CHECKOUT = "checkout_intent";

    private final AuditTrail trail;

    public AuditTrailProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(CheckoutStarted event, EventMessage<?> message) {
        trail.record(message.getIdentifier(), new AuditTrail.Entry(event.publisherId(), event.startedAt(),
                event.context(), "checkout.start", CHECKOUT, event.checkoutIntentId().value(), "accepted",
                Map.of("offerId", event.offerId().value(), "totalMinor", event.total().amountMinor(),
                        "currency", event.total().currency(), "lines", event.lines().size()),
                null));
    }

    @EventHandler
    void on(CheckoutSessionOpened event, EventMessage<?> message) {
        trail.record(message.getIdentifier(), new AuditTrail.Entry(event.publisherId(), event.openedAt(),
                event.context(), "checkout.session.create", CHECKOUT, event.checkoutIntentId().value(), "succeeded",
                Map.of("attempt", event.attempt()), null));
    }

    @EventHandler
    void on(CheckoutSessionFailed event, EventMessage<?> message) {
        trail.record(message.getIdentifier(), new AuditTrail.Entry(event.publisherId(), event.failedAt(),
                event.context(), "checkout.session.create", CHECKOUT, event.checkoutIntentId().value(), "failed",
                Map.of("attempt", event.attempt(), "failure", event.failure().name().toLowerCase(Locale.ROOT)),
                null));
    }

    @EventHandler
    void on(CheckoutExpired event, EventMessage<?> message) {
        trail.record(message.getIdentifier(), new AuditTrail.Entry(event.publisherId(), event.expiredAt(),
                event.context(), "checkout.expire", CHECKOUT, event.checkoutIntentId().value(), "succeeded",
                Map.of("cause", event.cause().name().toLowerCase(Locale.ROOT)), null));
    }

    @ResetHandler
    void onReset() {
        trail.clear();
    }
}
