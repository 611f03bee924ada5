package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** {@link CommissionAttributions} in {@code commission_attribution}. */
@Repository
class CommissionAttributionStore implements CommissionAttributions {
    private final JdbcTemplate jdbc;

    CommissionAttributionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(CheckoutIntentId checkout, PublisherId publisher, ReferralClickId click, PartnerId partner,
                         int basisPoints) {
        jdbc.update("""
                        INSERT INTO commission_attribution (checkout_intent_id, publisher_id, click_id, partner_id,
                            commission_basis_points) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                checkout.value(), publisher.value(), click.value(), partner.value(), basisPoints);
    }

    @Override
    public Optional<Attribution> of(CheckoutIntentId checkout) {
        return jdbc.query("SELECT * FROM commission_attribution WHERE checkout_intent_id = ?",
                (rs, row) -> new Attribution(rs.getString("publisher_id"), rs.getString("click_id"),
                        rs.getString("partner_id"), rs.getInt("commission_basis_points"),
                        rs.getBoolean("entry_opened")), checkout.value()).stream().findFirst();
    }

    @Override
    public void markEntryOpened(CheckoutIntentId checkout) {
        jdbc.update("UPDATE commission_attribution SET entry_opened = TRUE WHERE checkout_intent_id = ?",
                checkout.value());
    }
}
