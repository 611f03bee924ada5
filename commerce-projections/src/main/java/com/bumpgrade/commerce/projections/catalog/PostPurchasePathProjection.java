package com.bumpgrade.commerce.projections.catalog;

import com.bumpgrade.commerce.domain.catalog.PostPurchasePathSet;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Fills {@code offer_post_purchase_step} from {@link PostPurchasePathSet} (D87) and moves the main offer's version,
 * which its If-Match and read-your-writes compare. The new path replaces the old one, a seeded one too; apart from
 * {@link CatalogProjection} only to keep each class small. Guarded by the offer's version: applied once.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class PostPurchasePathProjection {
    private final JdbcTemplate jdbc;

    public PostPurchasePathProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PostPurchasePathSet event, @SequenceNumber long sequence) {
        int changed = jdbc.update("UPDATE offer SET version = ?, updated_at = ? WHERE offer_key = ? AND version < ?",
                sequence, Timestamp.from(event.at()), event.offerKey().value(), sequence);
        if (changed == 0) {
            return;
        }
        String publisher = event.publisherId().value();
        String main = event.offerId().value();
        jdbc.update("DELETE FROM offer_post_purchase_step WHERE publisher_id = ? AND main_offer_id = ?", publisher,
                main);
        for (PostPurchaseStep step : event.steps()) {
            jdbc.update("""
                            INSERT INTO offer_post_purchase_step (publisher_id, main_offer_id, step, offer_id, role,
                                on_decline_step, seeded)
                            VALUES (?, ?, ?, ?, ?, ?, FALSE)""",
                    publisher, main, step.step(), step.offerId().value(), step.role().publicName(),
                    step.onDeclineStep());
        }
    }

    /** Seeded rows have no event behind them and stay, as seeded offers do; the events' rows come back on replay. */
    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM offer_post_purchase_step WHERE NOT seeded");
    }
}
