package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentConfirmed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentProposed;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentRecorded;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/**
 * The audit entries of revocation intents, one per transition, in the same trail and chain as every other entry
 * (same group; {@link AuditTrailProjection} owns the reset). Kept apart so neither class outgrows a screen.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class RevocationAuditProjection {
    private static final String SUBJECT = "revocation_intent";

    private final AuditTrail trail;

    public RevocationAuditProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(RevocationIntentProposed event, EventMessage<?> message) {
        String evidence = event.evidenceId().value();
        record(message, event.publisherId(), event.at(), BillingContext.system("stripe", CorrelationId.of(evidence)),
                "revocation.propose", event.revocationIntentId(), "proposed",
                Map.of("entitlementId", event.entitlementId().value(), "reason", event.reason()), evidence);
    }

    @EventHandler
    void on(RevocationIntentRecorded event, EventMessage<?> message) {
        record(message, event.publisherId(), event.at(), event.context(), "revocation.record",
                event.revocationIntentId(), "recorded",
                Map.of("entitlementId", event.entitlementId().value(), "reason", event.reason()), null);
    }

    @EventHandler
    void on(RevocationIntentConfirmed event, EventMessage<?> message) {
        decided(message, event.publisherId(), event.at(), event.context(), "revocation.confirm",
                event.revocationIntentId(), "recorded", event.entitlementId());
    }

    @EventHandler
    void on(RevocationIntentDismissed event, EventMessage<?> message) {
        decided(message, event.publisherId(), event.at(), event.context(), "revocation.dismiss",
                event.revocationIntentId(), "dismissed", event.entitlementId());
    }

    @EventHandler
    void on(RevocationIntentCancelled event, EventMessage<?> message) {
        decided(message, event.publisherId(), event.at(), event.context(), "revocation.cancel",
                event.revocationIntentId(), "cancelled", event.entitlementId());
    }

    private void decided(EventMessage<?> message, PublisherId publisher, Instant at, BillingContext context,
                         String action, RevocationIntentId intent, String result, EntitlementId entitlement) {
        record(message, publisher, at, context, action, intent, result,
                Map.of("entitlementId", entitlement.value()), null);
    }

    private void record(EventMessage<?> message, PublisherId publisher, Instant at, BillingContext context,
                        String action, RevocationIntentId intent, String result, Map<String, Object> detail,
                        String evidence) {
        trail.record(message, new AuditTrail.Entry(publisher, at, context, action, SUBJECT,
                intent.value(), result, detail, evidence));
    }
}
