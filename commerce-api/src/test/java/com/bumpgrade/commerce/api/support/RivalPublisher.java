package com.bumpgrade.commerce.api.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test data: a second publisher, {@code rival}, that sells a pass and has a partner, so foreign ids exist. */
public final class RivalPublisher {
    private RivalPublisher() {
    }

    /** Idempotent: every test class may call it before each test. */
    public static void sellsAPassWithAPartner(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO publisher (publisher_id, display_name) VALUES ('rival', 'Rival') ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO product (product_id, publisher_id, title, kind) VALUES ('rival-pass', 'rival', "
                + "'Rival pass', 'product') ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO offer (offer_id, publisher_id, product_id, title, role) VALUES ('rival-pass', "
                + "'rival', 'rival-pass', 'Rival pass', 'main') ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type) "
                + "VALUES ('price-rival-pass', 'rival', 'rival-pass', 500, 'USD', 'one_time') ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO partner (publisher_id, partner_id, display_name, referral_code, "
                + "commission_basis_points) VALUES ('rival', 'partner-rival', 'Rival partner', 'RIV10', 1000) "
                + "ON CONFLICT DO NOTHING");
    }
}
