package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** {@link PurchasedOffers} in {@code entitlement_purchase}. */
@Repository
class PurchasedOffersStore implements PurchasedOffers {
    private final JdbcTemplate jdbc;

    PurchasedOffersStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(CheckoutIntentId checkout, PublisherId publisher, List<CheckoutLine> lines) {
        for (CheckoutLine line : lines) {
            jdbc.update("INSERT INTO entitlement_purchase (checkout_intent_id, offer_id, publisher_id) "
                    + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", checkout.value(), line.offerId().value(),
                    publisher.value());
        }
    }

    @Override
    public List<OfferId> of(CheckoutIntentId checkout) {
        return jdbc.queryForList("SELECT offer_id FROM entitlement_purchase WHERE checkout_intent_id = ? "
                + "ORDER BY offer_id", String.class, checkout.value()).stream().map(OfferId::of).toList();
    }
}
