package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The public status of a checkout by id alone, for the buyer's redirect (which carries no publisher). Read from
 * the checkout view, so it may lag behind the event store; empty while the view has not caught up.
 */
@Repository
public class CheckoutStatuses {
    private final JdbcTemplate jdbc;

    public CheckoutStatuses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CheckoutStatus> status(CheckoutIntentId id) {
        return jdbc.query("SELECT status FROM checkout_intent_view WHERE checkout_intent_id = ?",
                (rs, row) -> CheckoutStatus.fromPublicName(rs.getString(1)), id.value()).stream().findFirst();
    }
}
