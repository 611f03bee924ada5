package com.bumpgrade.commerce.projections.catalog;

import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferArchived;
import com.bumpgrade.commerce.domain.catalog.OfferDrafted;
import com.bumpgrade.commerce.domain.catalog.OfferOrderBumpsSet;
import com.bumpgrade.commerce.domain.catalog.OfferPublished;
import com.bumpgrade.commerce.domain.catalog.OfferStripeMapped;
import com.bumpgrade.commerce.domain.catalog.ProductDrafted;
import com.bumpgrade.commerce.domain.catalog.SeededOfferAdopted;
import com.bumpgrade.commerce.domain.catalog.WhatIsCatalogOffer;
import com.bumpgrade.commerce.domain.catalog.WhichCatalogOffers;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the catalogue tables (product, offer, price: the same tables the checkout reads) from the catalogue's
 * events. Rows seeded by migration have no key until a catalogue write adopts them. Guarded by version, so
 * re-processing changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class CatalogProjection {
    private static final String OFFER_COLUMNS = """
            SELECT o.publisher_id, o.offer_id, o.product_id, o.title, o.role, o.status, o.stripe_sync, o.version, p.price_id,
                   p.amount_minor, p.currency, p.recurring_interval, p.interval_count, o.offer_key
            FROM offer o LEFT JOIN price p ON p.publisher_id = o.publisher_id AND p.offer_id = o.offer_id AND p.active
            """;

    private final ProjectionJdbc jdbc;

    public CatalogProjection(ProjectionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductDrafted event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.at());
        jdbc.write("INSERT INTO publisher (publisher_id, display_name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.publisherId().value(), event.publisherId().value());
        jdbc.write("""
                        INSERT INTO product (product_id, publisher_id, title, kind, product_key, version, created_at,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (publisher_id, product_id) DO UPDATE SET title = excluded.title,
                            kind = excluded.kind, version = excluded.version, updated_at = excluded.updated_at
                        WHERE product.product_key = excluded.product_key AND product.version < excluded.version""",
                event.productId().value(), event.publisherId().value(), event.title(), event.kind().publicName(),
                event.productKey().value(), sequence, at, at);
    }

    @EventHandler
    void on(OfferDrafted event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.at());
        int changed = jdbc.update("""
                        INSERT INTO offer (offer_id, publisher_id, product_id, title, role, active, offer_key, version,
                            status, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, 'draft', ?, ?)
                        ON CONFLICT (publisher_id, offer_id) DO UPDATE SET product_id = excluded.product_id,
                            title = excluded.title, role = excluded.role, version = excluded.version,
                            updated_at = excluded.updated_at
                        WHERE offer.offer_key = excluded.offer_key AND offer.version < excluded.version""",
                event.offerId().value(), event.publisherId().value(), event.productId().value(), event.title(),
                event.role().publicName(), event.offerKey().value(), sequence, at, at);
        if (changed == 0) {
            return;
        }
        // a draft's earlier price was never sold or mapped: it is replaced
        jdbc.write("DELETE FROM price WHERE publisher_id = ? AND offer_id = ? AND price_id <> ?",
                event.publisherId().value(), event.offerId().value(), event.price().priceId());
        CatalogPrice price = event.price();
        jdbc.write("""
                        INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type,
                            recurring_interval, interval_count, active, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?) ON CONFLICT (price_id) DO NOTHING""",
                price.priceId(), event.publisherId().value(), event.offerId().value(), price.amount().amountMinor(),
                price.amount().currency(), price.recurring() ? "recurring" : "one_time", price.interval(),
                price.intervalCount(), at);
    }

    /**
     * The seeded row is rewritten from the event's own fields (its times become the adoption's), so that a replay,
     * which deletes adopted rows and inserts them again from this event, rebuilds exactly the live row.
     */
    @EventHandler
    void on(SeededOfferAdopted event, @SequenceNumber long sequence) {
        Timestamp at = Timestamp.from(event.at());
        int changed = jdbc.update("""
                        INSERT INTO offer (offer_id, publisher_id, product_id, title, role, active, offer_key, version,
                            status, published_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, 'published', ?, ?, ?)
                        ON CONFLICT (publisher_id, offer_id) DO UPDATE SET product_id = excluded.product_id,
                            title = excluded.title, role = excluded.role, active = TRUE,
                            offer_key = excluded.offer_key, version = excluded.version, status = 'published',
                            published_at = excluded.published_at, created_at = excluded.created_at,
                            updated_at = excluded.updated_at
                        WHERE offer.offer_key IS NULL""",
                event.offerId().value(), event.publisherId().value(), event.productId().value(), event.title(),
                event.role().publicName(), event.offerKey().value(), sequence, at, at, at);
        CatalogPrice price = event.price();
        if (changed > 0) {
            jdbc.write("""
                            INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type,
                                recurring_interval, interval_count, active, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?) ON CONFLICT (price_id) DO UPDATE SET
                                amount_minor = excluded.amount_minor, currency = excluded.currency,
                                billing_type = excluded.billing_type, recurring_interval = excluded.recurring_interval,
                                interval_count = excluded.interval_count, active = TRUE,
                                created_at = excluded.created_at""",
                    price.priceId(), event.publisherId().value(), event.offerId().value(),
                    price.amount().amountMinor(), price.amount().currency(),
                    price.recurring() ? "recurring" : "one_time", price.interval(), price.intervalCount(), at);
            orderBumps(event.publisherId(), event.offerId(), event.orderBumpOfferIds());
        }
    }

    @EventHandler
    void on(OfferOrderBumpsSet event, @SequenceNumber long sequence) {
        if (update(event.offerKey(), sequence, event.at(), "status = status") > 0) {
            orderBumps(event.publisherId(), event.offerId(), event.bumpOfferIds());
        }
    }

    /** The main offer's list, replaced whole: positions from 1 in the list's order. */
    private void orderBumps(PublisherId publisher, OfferId main, List<OfferId> bumps) {
        jdbc.update("DELETE FROM offer_order_bump WHERE publisher_id = ? AND main_offer_id = ?", publisher.value(),
                main.value());
        for (int i = 0; i < bumps.size(); i++) {
            jdbc.update("INSERT INTO offer_order_bump (publisher_id, main_offer_id, position, bump_offer_id) "
                    + "VALUES (?, ?, ?, ?)", publisher.value(), main.value(), i + 1, bumps.get(i).value());
        }
    }

    @EventHandler
    void on(OfferPublished event, @SequenceNumber long sequence) {
        update(event.offerKey(), sequence, event.at(), "status = 'published', active = TRUE, published_at = ?",
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(OfferArchived event, @SequenceNumber long sequence) {
        update(event.offerKey(), sequence, event.at(), "status = 'archived', active = FALSE");
    }

    @EventHandler
    void on(OfferStripeMapped event, @SequenceNumber long sequence) {
        update(event.offerKey(), sequence, event.at(), "stripe_sync = 'mapped'");
    }

    @ResetHandler
    void onReset() {
        jdbc.write("DELETE FROM offer_order_bump b USING offer o WHERE b.publisher_id = o.publisher_id "
                + "AND b.main_offer_id = o.offer_id AND o.offer_key IS NOT NULL");
        jdbc.write("DELETE FROM price p USING offer o WHERE p.publisher_id = o.publisher_id "
                + "AND p.offer_id = o.offer_id AND o.offer_key IS NOT NULL");
        jdbc.write("DELETE FROM offer WHERE offer_key IS NOT NULL");
        jdbc.write("DELETE FROM product WHERE product_key IS NOT NULL");
    }

    private int update(CatalogKey key, long sequence, Instant at, String set, Object... values) {
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = sequence;
        args[values.length + 1] = Timestamp.from(at);
        args[values.length + 2] = key.value();
        args[values.length + 3] = sequence;
        return jdbc.update("UPDATE offer SET " + set + ", version = ?, updated_at = ? WHERE offer_key = ? "
                + "AND version < ?", args);
    }

    @QueryHandler
    public CatalogOffers answer(WhichCatalogOffers query) {
        // every keyed row is waited for, drafts too: one just published must not be missing from the list
        ReadYourWrites.awaitRowsCaughtUp(jdbc, "offer", "offer_key",
                () -> jdbc.query(OFFER_COLUMNS + " WHERE o.publisher_id = ? AND o.offer_key IS NOT NULL",
                        (rs, n) -> row(rs), query.publisherId().value()),
                Row::key, Row::versionOrZero);
        return new CatalogOffers(jdbc.query(OFFER_COLUMNS
                        + " WHERE o.publisher_id = ? AND o.status = 'published' ORDER BY o.created_at, o.offer_id",
                (rs, n) -> row(rs), query.publisherId().value()).stream().map(this::view).toList());
    }

    @QueryHandler
    public Optional<CatalogOfferView> answer(WhatIsCatalogOffer query) {
        ReadYourWrites.awaitCaughtUp(jdbc, "offer", "offer_key",
                CatalogKey.ofOffer(query.publisherId(), query.offerId()).value());
        return jdbc.query(OFFER_COLUMNS + " WHERE o.publisher_id = ? AND o.offer_id = ?", (rs, n) -> row(rs),
                query.publisherId().value(), query.offerId().value()).stream().findFirst().map(this::view);
    }

    private record Row(String key, String publisherId, CatalogOfferView view) {
        long versionOrZero() {
            return view.version() == null ? 0 : view.version();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String priceId = rs.getString("price_id");
        CatalogOfferView.Price price = null;
        if (priceId != null) {
            String interval = rs.getString("recurring_interval");
            Integer count = interval == null ? null : rs.getInt("interval_count") == 0 ? 1 : rs.getInt("interval_count");
            long amount = rs.getLong("amount_minor");
            String currency = rs.getString("currency");
            price = new CatalogOfferView.Price(priceId, amount, currency, interval, count,
                    Money.of(amount, currency).display()
                            + CatalogPrice.cadence(interval, count));
        }
        // a seed not yet adopted is at version 0: its adoption is the aggregate's event 0
        Long version = rs.getObject("version") == null ? 0L : rs.getLong("version");
        return new Row(rs.getString("offer_key"), rs.getString("publisher_id"), new CatalogOfferView(rs.getString("offer_id"),
                rs.getString("product_id"), rs.getString("title"), rs.getString("role"), rs.getString("status"),
                price, List.of(), List.of(), rs.getString("stripe_sync"), version));
    }

    /** The main offer's order bumps and post-purchase path, in order. */
    private CatalogOfferView view(Row row) {
        CatalogOfferView v = row.view();
        List<String> bumps = jdbc.queryForList("SELECT bump_offer_id FROM offer_order_bump "
                + "WHERE publisher_id = ? AND main_offer_id = ? ORDER BY position", String.class, row.publisherId(),
                v.offerId());
        List<CatalogOfferView.PathStep> path = jdbc.query("SELECT * FROM offer_post_purchase_step "
                        + "WHERE publisher_id = ? AND main_offer_id = ? ORDER BY step",
                (rs, n) -> new CatalogOfferView.PathStep(rs.getInt("step"), rs.getString("offer_id"),
                        rs.getString("role"), (Integer) rs.getObject("on_decline_step")), row.publisherId(),
                v.offerId());
        return new CatalogOfferView(v.offerId(), v.productId(), v.title(), v.role(), v.status(), v.price(), bumps,
                path, v.stripeSync(), v.version());
    }
}
