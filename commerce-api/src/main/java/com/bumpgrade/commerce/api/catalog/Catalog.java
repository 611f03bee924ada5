package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.checkout.PricedOffer;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the catalog tables: a published offer of a publisher with its one active price (what a checkout may
 * sell), and the facts the catalogue's writes check before they send a command.
 */
@Repository
public class Catalog {
    private final JdbcTemplate jdbc;

    public Catalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sellable offer and the Bumpgrade id of its price (the key of any Stripe Price mapping). */
    public record CatalogOffer(PricedOffer offer, String priceId) {
    }

    /** Only published main offers and order bumps are sold by a checkout; drafts and archived offers are not. */
    public Optional<CatalogOffer> findActiveOffer(PublisherId publisher, OfferId offer) {
        // an offer just published is sold at once, not refused as unknown while its row catches up
        ReadYourWrites.awaitCaughtUp(jdbc, "offer", "offer_key", CatalogKey.ofOffer(publisher, offer).value());
        return jdbc.query("""
                        SELECT o.offer_id, o.title, o.role, p.price_id, p.amount_minor, p.currency,
                               p.recurring_interval, p.interval_count
                        FROM offer o JOIN price p ON p.publisher_id = o.publisher_id AND p.offer_id = o.offer_id
                        WHERE o.publisher_id = ? AND o.offer_id = ? AND o.active AND p.active
                          AND o.status = 'published' AND o.role IN ('main', 'order_bump')""",
                (rs, row) -> new CatalogOffer(new PricedOffer(OfferId.of(rs.getString("offer_id")),
                        rs.getString("title"),
                        PricedOffer.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("recurring_interval"), intervalCount(rs.getObject("interval_count"))),
                        rs.getString("price_id")),
                publisher.value(), offer.value()).stream().findFirst();
    }

    private static int intervalCount(Object value) {
        return value == null ? 1 : ((Number) value).intValue();
    }

    /** A product of the publisher: its title, and whether it was seeded by migration (no aggregate). */
    public record Product(String title, boolean seeded) {
    }

    /** Waits (briefly) for the product's own writes, so an offer may follow its product's creation at once. */
    public Optional<Product> product(PublisherId publisher, ProductId product) {
        ReadYourWrites.awaitCaughtUp(jdbc, "product", "product_key", CatalogKey.ofProduct(publisher, product).value());
        return jdbc.query("SELECT title, product_key FROM product WHERE publisher_id = ? AND product_id = ?",
                (rs, row) -> new Product(rs.getString("title"), rs.getString("product_key") == null),
                publisher.value(), product.value()).stream().findFirst();
    }

    /** An offer seeded by migration: published, with no aggregate behind it, so the catalogue's writes refuse it. */
    public boolean isSeededOffer(PublisherId publisher, OfferId offer) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM offer WHERE publisher_id = ? "
                + "AND offer_id = ? AND offer_key IS NULL)", Boolean.class, publisher.value(), offer.value()));
    }

    /** The product an offer sells, for the Stripe Product of its price. */
    public Optional<String> productOf(PublisherId publisher, OfferId offer) {
        return jdbc.queryForList("SELECT product_id FROM offer WHERE publisher_id = ? AND offer_id = ?",
                String.class, publisher.value(), offer.value()).stream().findFirst();
    }

    /**
     * The order bumps a main offer lists, in order: the only bumps a checkout may sell with it. Read after
     * {@link #findActiveOffer} of the same main offer, which already waited for the offer's own writes (a list
     * change among them), so it does not wait again.
     */
    public List<OfferId> orderBumpsOf(PublisherId publisher, OfferId mainOffer) {
        return jdbc.queryForList("SELECT bump_offer_id FROM offer_order_bump WHERE publisher_id = ? "
                        + "AND main_offer_id = ? ORDER BY position", String.class, publisher.value(), mainOffer.value())
                .stream().map(OfferId::of).toList();
    }

    /** An offer that may be listed as an order bump: the publisher's own, role order_bump, not archived. */
    public boolean isListableOrderBump(PublisherId publisher, OfferId offer) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM offer WHERE publisher_id = ? "
                + "AND offer_id = ? AND role = 'order_bump' AND status <> 'archived')", Boolean.class,
                publisher.value(), offer.value()));
    }
}
