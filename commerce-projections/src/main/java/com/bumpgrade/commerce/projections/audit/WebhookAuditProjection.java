package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.webhook.StripeEventConcluded;
import com.bumpgrade.commerce.domain.webhook.StripeEventPayloadMismatchFlagged;
import com.bumpgrade.commerce.domain.webhook.StripeEventRedriveRequested;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of webhook evidence: how each translation ended, a redelivery with another payload, and an
 * owner's re-drive with its outcome. Evidence that belongs to no publisher (unmatched, never attributed) is in no
 * publisher's chain: the platform operator sees it through the evidence listing instead.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class WebhookAuditProjection {
    private static final String EVIDENCE = "webhook_evidence";

    private final AuditTrail trail;

    public WebhookAuditProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(StripeEventRedriveRequested event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.requestedAt(),
                event.context(), "webhook.redrive", EVIDENCE, event.evidenceId().value(), "requested",
                Map.of("eventType", event.eventType()), event.evidenceId().value()));
    }

    /** A conclusion a re-drive reached is that re-drive's outcome, under the owner who asked for it. */
    @EventHandler
    void on(StripeEventConcluded event, EventMessage<?> message) {
        if (event.publisherId() == null) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("eventType", event.eventType());
        putIfPresent(detail, "reason", event.reason());
        putIfPresent(detail, "concludedSubjectType", event.subjectType());
        putIfPresent(detail, "concludedSubjectId", event.subjectId());
        boolean redriven = event.redrivenBy() != null;
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.concludedAt(),
                redriven ? event.redrivenBy() : stripe(event.evidenceId()),
                redriven ? "webhook.redrive" : "webhook.conclude", EVIDENCE, event.evidenceId().value(),
                event.outcome().publicName(), detail, event.evidenceId().value()));
    }

    @EventHandler
    void on(StripeEventPayloadMismatchFlagged event, EventMessage<?> message) {
        if (event.publisherId() == null) {
            return;
        }
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.flaggedAt(), stripe(event.evidenceId()),
                "webhook.payload_mismatch", EVIDENCE, event.evidenceId().value(), "flagged",
                Map.of("payloadSha256", event.payloadSha256()), event.evidenceId().value()));
    }

    private static BillingContext stripe(WebhookEvidenceId evidence) {
        return BillingContext.system("stripe", CorrelationId.of(evidence.value()));
    }

    private static void putIfPresent(Map<String, Object> detail, String key, String value) {
        if (value != null) {
            detail.put(key, value);
        }
    }
}
