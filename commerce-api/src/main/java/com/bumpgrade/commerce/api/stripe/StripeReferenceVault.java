package com.bumpgrade.commerce.api.stripe;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Locale;
import java.util.Optional;

/**
 * The server-private reference table: the only place raw Stripe values (session ids and URLs, customer, payment
 * and subscription ids, Price ids) are kept, keyed by a Bumpgrade id and a kind. Nothing reads it to build a
 * response; it is consulted only to call Stripe or to redirect a buyer.
 */
@Repository
public class StripeReferenceVault implements StripeReferences {
    public enum Kind {
        CHECKOUT_SESSION, CHECKOUT_URL, PRICE, PRODUCT, PAYMENT_INTENT, CUSTOMER, DISPUTE, SUBSCRIPTION, PORTAL_URL;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcTemplate jdbc;

    public StripeReferenceVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String bumpgradeId, Kind kind, String stripeValue) {
        jdbc.update("""
                INSERT INTO stripe_private_reference (bumpgrade_id, kind, stripe_value) VALUES (?, ?, ?)
                ON CONFLICT (bumpgrade_id, kind) DO UPDATE SET stripe_value = EXCLUDED.stripe_value, updated_at = now()""",
                bumpgradeId, kind.column(), stripeValue);
    }

    @Override
    public Optional<String> find(String bumpgradeId, Kind kind) {
        return jdbc.query("SELECT stripe_value FROM stripe_private_reference WHERE bumpgrade_id = ? AND kind = ?",
                (rs, row) -> rs.getString(1), bumpgradeId, kind.column()).stream().findFirst();
    }

    @Override
    public Optional<String> findBumpgradeId(Kind kind, String stripeValue) {
        return jdbc.query("SELECT bumpgrade_id FROM stripe_private_reference WHERE kind = ? AND stripe_value = ?",
                (rs, row) -> rs.getString(1), kind.column(), stripeValue).stream().findFirst();
    }
}
