package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.refusal.BillingWriteRefused;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The audit entries of refused billing writes: {@code <action>} / {@code refused} with {@code detail.code}. The
 * subject is the record when the refusal names one, else the publisher's day stream of refusals (D97).
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class AuditRefusalProjection {
    public static final String SUBJECT_TYPE = "refused_write";

    private final AuditTrail trail;

    public AuditRefusalProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(BillingWriteRefused event, EventMessage<?> message) {
        String subject = event.recordId() != null ? event.recordId() : event.refusedWritesId().value();
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.refusedAt(), event.context(),
                event.action(), SUBJECT_TYPE, subject, "refused", Map.of("code", event.code()), null));
    }
}
