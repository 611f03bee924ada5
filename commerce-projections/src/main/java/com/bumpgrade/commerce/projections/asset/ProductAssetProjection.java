package com.bumpgrade.commerce.projections.asset;

import com.bumpgrade.commerce.domain.asset.ProductAssetArchived;
import com.bumpgrade.commerce.domain.asset.ProductAssetRecorded;
import com.bumpgrade.commerce.domain.asset.WhatIsProductAsset;
import com.bumpgrade.commerce.domain.asset.WhichProductAssets;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import com.bumpgrade.commerce.projections.shared.ReadYourWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** The list and the record of private product assets. Guarded by version, so re-processing changes nothing. */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class ProductAssetProjection {
    private static final String COLUMNS = "SELECT asset_id, product_id, display_name, size_bytes, sha256, "
            + "content_type, status, uploaded_by, uploaded_at, archived_at, version FROM product_asset_view";

    private final JdbcTemplate jdbc;

    public ProductAssetProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductAssetRecorded event, @SequenceNumber long sequence) {
        jdbc.update("""
                        INSERT INTO product_asset_view (asset_id, publisher_id, product_id, display_name, size_bytes,
                            sha256, content_type, status, uploaded_by, uploaded_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) ON CONFLICT (asset_id) DO NOTHING""",
                event.assetId().value(), event.publisherId().value(), event.productId().value(), event.displayName(),
                event.sizeBytes(), event.sha256(), event.contentType(), event.context().actor().value(),
                Timestamp.from(event.at()), sequence);
    }

    @EventHandler
    void on(ProductAssetArchived event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE product_asset_view SET status = 'archived', archived_at = ?, version = ? "
                + "WHERE asset_id = ? AND version < ?", Timestamp.from(event.at()), sequence,
                event.assetId().value(), sequence);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM product_asset_view");
    }

    @QueryHandler
    public ProductAssets answer(WhichProductAssets query) {
        return new ProductAssets(ReadYourWrites.awaitRowsCaughtUp(jdbc, "product_asset_view", "asset_id",
                () -> jdbc.query(COLUMNS + " WHERE publisher_id = ? AND product_id = ? ORDER BY uploaded_at, asset_id",
                        (rs, n) -> view(rs), query.publisherId().value(), query.productId().value()),
                ProductAssetView::assetId, ProductAssetView::version));
    }

    @QueryHandler
    public Optional<ProductAssetView> answer(WhatIsProductAsset query) {
        ReadYourWrites.awaitCaughtUp(jdbc, "product_asset_view", "asset_id", query.assetId().value());
        return jdbc.query(COLUMNS + " WHERE publisher_id = ? AND product_id = ? AND asset_id = ?", (rs, n) -> view(rs),
                query.publisherId().value(), query.productId().value(), query.assetId().value()).stream().findFirst();
    }

    private static ProductAssetView view(ResultSet rs) throws SQLException {
        Timestamp archived = rs.getTimestamp("archived_at");
        return new ProductAssetView(rs.getString("asset_id"), rs.getString("product_id"),
                rs.getString("display_name"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("content_type"), rs.getString("status"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(), archived == null ? null : archived.toInstant(),
                rs.getLong("version"));
    }
}
