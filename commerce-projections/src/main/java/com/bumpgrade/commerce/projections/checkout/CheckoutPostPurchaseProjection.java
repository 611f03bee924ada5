package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecisionRecorded;
import com.bumpgrade.commerce.domain.checkout.WhichPostPurchasePathHasCheckoutIntent;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The post-purchase columns of {@code checkout_intent_view}: the decisions ({@code postPurchase}) and the path the
 * first one fixed. Apart from {@link CheckoutIntentProjection}, whose reset empties the whole table, only to keep
 * each class small. Guarded by the event's sequence number, so re-processing changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class CheckoutPostPurchaseProjection {
    private final JdbcTemplate jdbc;

    public CheckoutPostPurchaseProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PostPurchaseDecisionRecorded event, @SequenceNumber long sequence) {
        PostPurchaseStep step = event.step();
        PostPurchaseEntry entry = new PostPurchaseEntry(step.step(), step.offerId().value(), step.role().publicName(),
                step.title(), CheckoutIntentProjection.amount(step.price().amount()), event.decision().publicName(),
                event.context().actor().value(), event.context().correlationId().value(), event.at());
        jdbc.update("""
                        UPDATE checkout_intent_view SET post_purchase = post_purchase || ?::jsonb,
                            post_purchase_path = ?::jsonb, version = ?, updated_at = ?
                        WHERE checkout_intent_id = ? AND version < ?""",
                JsonColumns.write(List.of(entry)), JsonColumns.write(event.path()), sequence,
                Timestamp.from(event.at()), event.checkoutIntentId().value(), sequence);
    }

    @QueryHandler
    public Optional<PostPurchasePathOfIntent> answer(WhichPostPurchasePathHasCheckoutIntent query) {
        ReadYourWrites.awaitCaughtUp(jdbc, "checkout_intent_view", "checkout_intent_id",
                query.checkoutIntentId().value());
        return jdbc.query("SELECT post_purchase_path, post_purchase FROM checkout_intent_view "
                        + "WHERE checkout_intent_id = ? AND publisher_id = ? AND post_purchase_path IS NOT NULL",
                (rs, n) -> new PostPurchasePathOfIntent(
                        JsonColumns.readList(rs.getString("post_purchase_path"), PostPurchaseStep.class),
                        decisions(rs.getString("post_purchase"))),
                query.checkoutIntentId().value(), query.publisherId().value()).stream().findFirst();
    }

    static List<PostPurchaseEntry> decisions(String json) {
        return JsonColumns.readList(json, PostPurchaseEntry.class);
    }
}
