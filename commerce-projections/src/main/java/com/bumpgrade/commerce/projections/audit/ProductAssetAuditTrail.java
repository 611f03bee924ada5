package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.asset.ProductAssetArchived;
import com.bumpgrade.commerce.domain.asset.ProductAssetRecorded;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of private product assets: what was recorded (name shown, size, SHA-256, type) and archived,
 * never where the bytes are; in the audit trail's one processing group and chain.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class ProductAssetAuditTrail {
    private static final String ASSET = "product_asset";

    private final AuditTrail trail;

    public ProductAssetAuditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(ProductAssetRecorded event, EventMessage<?> message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("productId", event.productId().value());
        detail.put("displayName", event.displayName());
        detail.put("sizeBytes", event.sizeBytes());
        detail.put("sha256", event.sha256());
        detail.put("contentType", event.contentType());
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "product_asset.upload", ASSET, event.assetId().value(), "recorded", detail, null));
    }

    @EventHandler
    void on(ProductAssetArchived event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "product_asset.archive", ASSET, event.assetId().value(), "archived",
                Map.of("productId", event.productId().value()), null));
    }
}
