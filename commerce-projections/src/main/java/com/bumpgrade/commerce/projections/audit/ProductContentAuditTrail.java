package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.content.ContentMarkedReady;
import com.bumpgrade.commerce.domain.content.ContentStructureSaved;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The audit entries of protected content readiness: each saved structure (by size) and each ready mark. */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class ProductContentAuditTrail {
    private static final String CONTENT = "product_content";

    private final AuditTrail trail;

    public ProductContentAuditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(ContentStructureSaved event, EventMessage<?> message) {
        int lessons = event.modules().stream().mapToInt(module -> module.lessons().size()).sum();
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "content.structure.save", CONTENT, event.productId().value(), "saved",
                Map.of("modules", event.modules().size(), "lessons", lessons), null));
    }

    @EventHandler
    void on(ContentMarkedReady event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "content.mark_ready", CONTENT, event.productId().value(), "ready", Map.of(), null));
    }
}
