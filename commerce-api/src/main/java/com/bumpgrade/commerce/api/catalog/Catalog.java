package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.domain.checkout.PricedOffer;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Locale;
import java.util.Optional;

/** Reads the catalog tables: an active offer of a publisher with its one active price. */
@Repository
public class Catalog {
    private final JdbcTemplate jdbc;

    public Catalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sellable offer and the Bumpgrade id of its price (the key of any Stripe Price mapping). */
    public record CatalogOffer(PricedOffer offer, String priceId) {
    }

    public Optional<CatalogOffer> findActiveOffer(PublisherId publisher, OfferId offer) {
        return jdbc.query("""
                        SELECT o.offer_id, o.title, o.role, p.price_id, p.amount_minor, p.currency, p.recurring_interval
                        FROM offer o JOIN price p ON p.publisher_id = o.publisher_id AND p.offer_id = o.offer_id
                        WHERE o.publisher_id = ? AND o.offer_id = ? AND o.active AND p.active""",
                (rs, row) -> new CatalogOffer(new PricedOffer(OfferId.of(rs.getString("offer_id")),
                        rs.getString("title"),
                        PricedOffer.Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("recurring_interval")), rs.getString("price_id")),
                publisher.value(), offer.value()).stream().findFirst();
    }
}
