package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.catalog.PostPurchasePathSet;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecisionRecorded;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit entries of post-purchase paths (D87) and their decisions (D88), in the audit trail's one processing
 * group and chain: {@code catalog.offer.post_purchase_path} on the main offer, {@code checkout.post_purchase} on
 * the checkout intent. Bumpgrade ids and prices only.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class PostPurchaseAuditTrail {
    private final AuditTrail trail;

    public PostPurchaseAuditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(PostPurchasePathSet event, EventMessage<?> message) {
        List<Map<String, Object>> steps = event.steps().stream().map(PostPurchaseAuditTrail::step).toList();
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.post_purchase_path", "catalog_offer", event.offerId().value(),
                steps.isEmpty() ? "cleared" : "set", Map.of("steps", steps), null));
    }

    @EventHandler
    void on(PostPurchaseDecisionRecorded event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "checkout.post_purchase", "checkout_intent", event.checkoutIntentId().value(),
                event.decision().publicName(), step(event.step()), null));
    }

    private static Map<String, Object> step(PostPurchaseStep step) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("step", step.step());
        detail.put("offerId", step.offerId().value());
        detail.put("kind", step.role().publicName());
        detail.put("priceId", step.price().priceId());
        detail.put("amountMinor", step.price().amount().amountMinor());
        detail.put("currency", step.price().amount().currency());
        return detail;
    }
}
