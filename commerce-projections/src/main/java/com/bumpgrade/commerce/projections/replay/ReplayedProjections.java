package com.bumpgrade.commerce.projections.replay;

import com.bumpgrade.commerce.projections.audit.AuditRefusalProjection;
import com.bumpgrade.commerce.projections.asset.ProductAssetProjection;
import com.bumpgrade.commerce.projections.audit.AuditTrail;
import com.bumpgrade.commerce.projections.audit.AuditTrailProjection;
import com.bumpgrade.commerce.projections.audit.AuditedEventsInStore;
import com.bumpgrade.commerce.projections.audit.CatalogAuditTrail;
import com.bumpgrade.commerce.projections.audit.PostPurchaseAuditTrail;
import com.bumpgrade.commerce.projections.audit.ProductAssetAuditTrail;
import com.bumpgrade.commerce.projections.audit.ProductContentAuditTrail;
import com.bumpgrade.commerce.projections.audit.RevocationAuditProjection;
import com.bumpgrade.commerce.projections.catalog.CatalogProjection;
import com.bumpgrade.commerce.projections.catalog.PostPurchasePathProjection;
import com.bumpgrade.commerce.projections.audit.EntitlementAuditProjection;
import com.bumpgrade.commerce.projections.audit.ReferralAuditProjection;
import com.bumpgrade.commerce.projections.audit.WebhookAuditProjection;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentProjection;
import com.bumpgrade.commerce.projections.checkout.CheckoutPostPurchaseProjection;
import com.bumpgrade.commerce.projections.content.ProductContentProjection;
import com.bumpgrade.commerce.projections.commission.CommissionLedgerProjection;
import com.bumpgrade.commerce.projections.entitlement.EntitlementProjection;
import com.bumpgrade.commerce.projections.revocation.RevocationIntentProjection;
import com.bumpgrade.commerce.projections.webhook.WebhookEvidenceProjection;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

/**
 * Every replayable projection (the {@code read-models} and {@code audit-trail} groups) and the tables it owns,
 * for an audit replay that rebuilds them into shadow tables. A test keeps this list equal to the projections
 * the processors run.
 */
public final class ReplayedProjections {
    private ReplayedProjections() {
    }

    /**
     * A table the projections build. {@code key} names a row; {@code publisherScope} selects one publisher's rows
     * ({@code ?} is the publisher id, {@code {schema}} the table's schema); {@code storageColumns} are numbered
     * by the database, not derived from events, and are left out of the comparison.
     */
    public record ReplayedTable(String name, String key, String publisherScope, List<String> storageColumns) {
    }

    public static final List<ReplayedTable> TABLES = List.of(
            new ReplayedTable("checkout_intent_view", "checkout_intent_id", "publisher_id = ?", List.of()),
            new ReplayedTable("webhook_evidence_view", "evidence_id", "publisher_id = ?", List.of()),
            new ReplayedTable("commission_entry_view", "entry_id", "publisher_id = ?", List.of()),
            new ReplayedTable("commission_line_view", "entry_id || ':' || line_number", "entry_id IN (SELECT "
                    + "entry_id FROM {schema}.commission_entry_view WHERE publisher_id = ?)", List.of()),
            new ReplayedTable("entitlement_view", "entitlement_id", "publisher_id = ?", List.of()),
            new ReplayedTable("revocation_intent_view", "revocation_intent_id", "publisher_id = ?", List.of()),
            // the catalogue: seed rows (not events) and the rows its events make
            new ReplayedTable("publisher", "publisher_id", "publisher_id = ?", List.of()),
            new ReplayedTable("product", "product_id", "publisher_id = ?", List.of()),
            new ReplayedTable("offer", "offer_id", "publisher_id = ?", List.of()),
            new ReplayedTable("price", "price_id", "publisher_id = ?", List.of()),
            new ReplayedTable("offer_post_purchase_step", "main_offer_id || ':' || step", "publisher_id = ?",
                    List.of()),
            new ReplayedTable("offer_order_bump", "main_offer_id || ':' || position", "publisher_id = ?", List.of()),
            new ReplayedTable("product_asset_view", "asset_id", "publisher_id = ?", List.of()),
            new ReplayedTable("product_content_view", "content_key", "publisher_id = ?", List.of()),
            // its rows are clicks (not events); the projection fills their consumption columns
            new ReplayedTable("referral_click", "click_id", "publisher_id = ?", List.of()),
            new ReplayedTable("audit_entry", "event_id", "publisher_id = ?", List.of("sequence")),
            new ReplayedTable("audit_chain_head", "publisher_id", "publisher_id = ?", List.of()));

    /** The tables whose rows exist before any event and are copied into the shadow before its reset. */
    public static final List<String> COPIED_TABLES = List.of("referral_click", "publisher", "product", "offer",
            "price", "offer_post_purchase_step", "offer_order_bump");

    /**
     * New instances of every replayable projection, writing through the given JDBC template (which defers a page's
     * writes to its end, as in live processing).
     */
    public static List<Object> create(ProjectionJdbc jdbc, PlatformTransactionManager transactions,
                                      Serializer serializer) {
        AuditTrail trail = new AuditTrail(jdbc, transactions, new AuditedEventsInStore(jdbc, serializer));
        return List.of(new CheckoutIntentProjection(jdbc), new WebhookEvidenceProjection(jdbc),
                new CommissionLedgerProjection(jdbc), new EntitlementProjection(jdbc),
                new RevocationIntentProjection(jdbc), new CatalogProjection(jdbc), new ProductAssetProjection(jdbc),
                new ProductContentProjection(jdbc),
                new AuditTrailProjection(trail),
                new EntitlementAuditProjection(trail), new WebhookAuditProjection(trail),
                new ReferralAuditProjection(trail), new RevocationAuditProjection(trail), new CatalogAuditTrail(trail),
                new AuditRefusalProjection(trail),
                new PostPurchasePathProjection(jdbc), new CheckoutPostPurchaseProjection(jdbc),
                new PostPurchaseAuditTrail(trail),
                new ProductAssetAuditTrail(trail), new ProductContentAuditTrail(trail));
    }
}
