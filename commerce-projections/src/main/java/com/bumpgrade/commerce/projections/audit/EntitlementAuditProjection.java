package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.entitlement.BillingPortalFailed;
import com.bumpgrade.commerce.domain.entitlement.BillingPortalOpened;
import com.bumpgrade.commerce.domain.entitlement.EntitlementAccessChanged;
import com.bumpgrade.commerce.domain.entitlement.EntitlementGranted;
import com.bumpgrade.commerce.domain.entitlement.FulfillmentQueued;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of entitlements: grants, fulfilment queued, access changes and Customer Portal sessions,
 * opened or failed at Stripe.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class EntitlementAuditProjection {
    private static final String ENTITLEMENT = "entitlement";

    private final AuditTrail trail;

    public EntitlementAuditProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(EntitlementGranted event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.grantedAt(),
                BillingContext.system("stripe", CorrelationId.of(event.evidenceId().value())), "entitlement.grant",
                ENTITLEMENT, event.entitlementId().value(), event.access().publicName(),
                Map.of("checkoutIntentId", event.checkoutIntentId().value(), "offerId", event.offerId().value(),
                        "subject", event.customerId().value()), event.evidenceId().value()));
    }

    /** Queued with the grant, so caused by the same verified payment (events before the evidence id: the grant's id). */
    @EventHandler
    void on(FulfillmentQueued event, EventMessage<?> message) {
        String source = event.evidenceId() == null ? null : event.evidenceId().value();
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.queuedAt(),
                BillingContext.system("stripe", CorrelationId.of(source == null ? event.entitlementId().value() : source)),
                "entitlement.fulfillment", ENTITLEMENT, event.entitlementId().value(), event.fulfillmentStatus(),
                Map.of(), source));
    }

    @EventHandler
    void on(EntitlementAccessChanged event, EventMessage<?> message) {
        String source = event.evidenceId() == null ? null : event.evidenceId().value();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", event.from().publicName());
        detail.put("subscriptionStatus", event.subscriptionStatus());
        if (event.graceUntil() != null) {
            detail.put("graceUntil", event.graceUntil().toString());
        }
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.changedAt(),
                source == null ? BillingContext.clock(CorrelationId.of(event.entitlementId().value()))
                        : BillingContext.system("stripe", CorrelationId.of(source)),
                "entitlement.access", ENTITLEMENT, event.entitlementId().value(), event.to().publicName(), detail,
                source));
    }

    @EventHandler
    void on(BillingPortalOpened event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.openedAt(),
                event.context(), "entitlement.portal", ENTITLEMENT, event.entitlementId().value(), "opened",
                Map.of("portalSessionId", event.portalSessionId().value()), null));
    }

    @EventHandler
    void on(BillingPortalFailed event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.failedAt(),
                event.context(), "entitlement.portal", ENTITLEMENT, event.entitlementId().value(), "failed",
                Map.of("portalSessionId", event.portalSessionId().value(), "failure", event.failure()), null));
    }
}
