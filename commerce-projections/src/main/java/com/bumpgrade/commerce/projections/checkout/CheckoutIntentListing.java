package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.domain.checkout.WhichCheckoutIntents;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists {@code checkout_intent_view} by keyset: newest first by creation time, then id. Both are fixed when the
 * intent starts, so an intent created while a client pages lands before the pages it already read, never inside.
 */
@Component
public class CheckoutIntentListing {
    private final JdbcTemplate jdbc;

    public CheckoutIntentListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CheckoutIntentPage answer(WhichCheckoutIntents query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM checkout_intent_view WHERE publisher_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.publisherId().value()));
        if (query.status() != null) {
            sql.append(" AND status = ?");
            args.add(query.status().publicName());
        }
        if (query.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        if (query.after() != null) {
            sql.append(" AND (created_at, checkout_intent_id) < (?, ?)");
            args.add(Timestamp.from(query.after().createdAt()));
            args.add(query.after().checkoutIntentId().value());
        }
        // one row more than asked tells whether another page follows
        sql.append(" ORDER BY created_at DESC, checkout_intent_id DESC LIMIT ?");
        args.add(query.limit() + 1);
        List<CheckoutIntentView> rows = jdbc.query(sql.toString(), CheckoutIntentProjection::map, args.toArray());
        boolean more = rows.size() > query.limit();
        return new CheckoutIntentPage(more ? rows.subList(0, query.limit()) : rows, more);
    }
}
