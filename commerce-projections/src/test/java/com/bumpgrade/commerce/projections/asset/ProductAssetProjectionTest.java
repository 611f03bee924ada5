package com.bumpgrade.commerce.projections.asset;

import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.asset.ProductAssetArchived;
import com.bumpgrade.commerce.domain.asset.ProductAssetRecorded;
import com.bumpgrade.commerce.domain.asset.WhatIsProductAsset;
import com.bumpgrade.commerce.domain.asset.WhichProductAssets;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.support.AggregateStream;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The asset list of a product: two recorded, one archived; another publisher or product finds none. */
class ProductAssetProjectionTest extends ReplayableProjectionTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUB = PublisherId.of("pub-assets");
    private static final ProductId PRODUCT = ProductId.of("course");
    private static final AssetId KEPT = AssetId.forUpload(PUB, PRODUCT, "pub-assets/owner-1", "k-1");
    private static final AssetId GONE = AssetId.forUpload(PUB, PRODUCT, "pub-assets/owner-1", "k-2");
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), null);

    @Override
    protected Object projection() {
        return new ProductAssetProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "product_asset_view", "asset_id");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>(AggregateStream.of("ProductAsset", KEPT.value())
                .then(new ProductAssetRecorded(KEPT, PUB, PRODUCT, "lesson-1.mp4", 2048, "a".repeat(64),
                        "video/mp4", OWNER, AT), AT).events());
        events.addAll(AggregateStream.of("ProductAsset", GONE.value())
                .then(new ProductAssetRecorded(GONE, PUB, PRODUCT, "old.pdf", 10, "b".repeat(64), "application/pdf",
                        OWNER, AT.plusSeconds(1)), AT.plusSeconds(1))
                .then(new ProductAssetArchived(GONE, PUB, PRODUCT, OWNER, AT.plusSeconds(2)), AT.plusSeconds(2))
                .events());
        return events;
    }

    @Test
    void theListShowsBothAndTheArchivedOneAsArchived() {
        applyHistory();
        ProductAssetProjection projection = new ProductAssetProjection(jdbc);
        assertThat(projection.answer(new WhichProductAssets(PUB, PRODUCT)).assets())
                .extracting(ProductAssetView::assetId, ProductAssetView::status, ProductAssetView::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KEPT.value(), "active", 0L),
                        org.assertj.core.groups.Tuple.tuple(GONE.value(), "archived", 1L));
        ProductAssetView kept = projection.answer(new WhatIsProductAsset(PUB, PRODUCT, KEPT)).orElseThrow();
        assertThat(kept.displayName()).isEqualTo("lesson-1.mp4");
        assertThat(kept.sizeBytes()).isEqualTo(2048);
        assertThat(kept.uploadedBy()).isEqualTo("owner-1");
        assertThat(projection.answer(new WhatIsProductAsset(PublisherId.of("rival"), PRODUCT, KEPT))).isEmpty();
        assertThat(projection.answer(new WhatIsProductAsset(PUB, ProductId.of("other"), KEPT))).isEmpty();
        assertThat(projection.answer(new WhichProductAssets(PUB, ProductId.of("other"))).assets()).isEmpty();
    }
}
