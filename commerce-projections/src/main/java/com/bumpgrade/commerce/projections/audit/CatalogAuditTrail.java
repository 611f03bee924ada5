package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferArchived;
import com.bumpgrade.commerce.domain.catalog.OfferDrafted;
import com.bumpgrade.commerce.domain.catalog.OfferOrderBumpsSet;
import com.bumpgrade.commerce.domain.catalog.OfferPublished;
import com.bumpgrade.commerce.domain.catalog.OfferStripeMapped;
import com.bumpgrade.commerce.domain.catalog.ProductDrafted;
import com.bumpgrade.commerce.domain.catalog.SeededOfferAdopted;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import com.bumpgrade.commerce.domain.shared.OfferId;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue's audit entries (every change of a product or offer), in the audit trail's one processing group
 * and chain; apart from {@link AuditTrailProjection} only to keep each class small. The trail's reset clears these
 * entries too.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class CatalogAuditTrail {
    private static final String PRODUCT = "catalog_product";
    private static final String OFFER = "catalog_offer";

    private final AuditTrail trail;

    public CatalogAuditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(ProductDrafted event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.product.draft", PRODUCT, event.productId().value(), "drafted",
                Map.of("title", event.title(), "kind", event.kind().publicName()), null));
    }

    @EventHandler
    void on(OfferDrafted event, EventMessage<?> message) {
        Map<String, Object> detail = new LinkedHashMap<>(price(event.price()));
        detail.put("productId", event.productId().value());
        detail.put("title", event.title());
        detail.put("role", event.role().publicName());
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.draft", OFFER, event.offerId().value(), "drafted", detail, null));
    }

    @EventHandler
    void on(SeededOfferAdopted event, EventMessage<?> message) {
        Map<String, Object> detail = new LinkedHashMap<>(price(event.price()));
        detail.put("productId", event.productId().value());
        detail.put("title", event.title());
        detail.put("role", event.role().publicName());
        if (!event.orderBumpOfferIds().isEmpty()) {
            detail.put("orderBumpOfferIds", event.orderBumpOfferIds().stream().map(OfferId::value).toList());
        }
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.adopt", OFFER, event.offerId().value(), "published", detail, null));
    }

    @EventHandler
    void on(OfferPublished event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.publish", OFFER, event.offerId().value(), "published", price(event.price()), null));
    }

    @EventHandler
    void on(OfferArchived event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.archive", OFFER, event.offerId().value(), "archived", Map.of(), null));
    }

    @EventHandler
    void on(OfferOrderBumpsSet event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.order_bumps", OFFER, event.offerId().value(), "set",
                Map.of("orderBumpOfferIds", event.bumpOfferIds().stream().map(OfferId::value).toList()), null));
    }

    @EventHandler
    void on(OfferStripeMapped event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.at(), event.context(),
                "catalog.offer.stripe_sync", OFFER, event.offerId().value(), "mapped",
                Map.of("priceId", event.priceId()), null));
    }

    private static Map<String, Object> price(CatalogPrice price) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("priceId", price.priceId());
        detail.put("amountMinor", price.amount().amountMinor());
        detail.put("currency", price.amount().currency());
        if (price.recurring()) {
            detail.put("interval", price.interval());
            detail.put("intervalCount", price.intervalCount());
        }
        return detail;
    }
}
