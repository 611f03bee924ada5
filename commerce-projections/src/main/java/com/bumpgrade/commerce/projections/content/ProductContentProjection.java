package com.bumpgrade.commerce.projections.content;

import com.bumpgrade.commerce.domain.content.ContentKey;
import com.bumpgrade.commerce.domain.content.ContentMarkedReady;
import com.bumpgrade.commerce.domain.content.ContentModule;
import com.bumpgrade.commerce.domain.content.ContentStructureSaved;
import com.bumpgrade.commerce.domain.content.WhatIsProductContent;
import com.bumpgrade.commerce.projections.shared.JsonColumns;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;

/** The saved content structure of each product and its ready mark. Guarded by version. */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class ProductContentProjection {
    private final JdbcTemplate jdbc;

    public ProductContentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContentStructureSaved event, @SequenceNumber long sequence) {
        jdbc.update("""
                        INSERT INTO product_content_view (content_key, publisher_id, product_id, modules, marked_ready,
                            updated_at, version)
                        VALUES (?, ?, ?, ?::jsonb, FALSE, ?, ?)
                        ON CONFLICT (content_key) DO UPDATE SET modules = excluded.modules, marked_ready = FALSE,
                            marked_ready_at = NULL, updated_at = excluded.updated_at, version = excluded.version
                        WHERE product_content_view.version < excluded.version""",
                event.contentKey().value(), event.publisherId().value(), event.productId().value(),
                JsonColumns.write(event.modules()), Timestamp.from(event.at()), sequence);
    }

    @EventHandler
    void on(ContentMarkedReady event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE product_content_view SET marked_ready = TRUE, marked_ready_at = ?, updated_at = ?, "
                        + "version = ? WHERE content_key = ? AND version < ?", Timestamp.from(event.at()),
                Timestamp.from(event.at()), sequence, event.contentKey().value(), sequence);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM product_content_view");
    }

    @QueryHandler
    public Optional<ProductContentView> answer(WhatIsProductContent query) {
        ContentKey key = ContentKey.ofProduct(query.publisherId(), query.productId());
        ReadYourWrites.awaitCaughtUp(jdbc, "product_content_view", "content_key", key.value());
        return jdbc.query("SELECT product_id, modules::text, marked_ready, marked_ready_at, updated_at, version "
                        + "FROM product_content_view WHERE content_key = ? AND publisher_id = ?",
                (rs, n) -> {
                    Timestamp marked = rs.getTimestamp("marked_ready_at");
                    return new ProductContentView(rs.getString("product_id"),
                            JsonColumns.readList(rs.getString("modules"), ContentModule.class),
                            rs.getBoolean("marked_ready"), marked == null ? null : marked.toInstant(),
                            rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
                }, key.value(), query.publisherId().value()).stream().findFirst();
    }
}
