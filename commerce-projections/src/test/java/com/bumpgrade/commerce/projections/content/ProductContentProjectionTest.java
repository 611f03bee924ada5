package com.bumpgrade.commerce.projections.content;

import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.content.ContentKey;
import com.bumpgrade.commerce.domain.content.ContentLesson;
import com.bumpgrade.commerce.domain.content.ContentMarkedReady;
import com.bumpgrade.commerce.domain.content.ContentModule;
import com.bumpgrade.commerce.domain.content.ContentStructureSaved;
import com.bumpgrade.commerce.domain.content.WhatIsProductContent;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A structure saved, marked ready, then changed (the mark cleared); modules and drips read back as saved. */
class ProductContentProjectionTest extends ReplayableProjectionTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUB = PublisherId.of("pub-content");
    private static final ProductId PRODUCT = ProductId.of("course");
    private static final ContentKey KEY = ContentKey.ofProduct(PUB, PRODUCT);
    private static final AssetId ASSET = AssetId.forUpload(PUB, PRODUCT, "pub-content/owner-1", "k-1");
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), null);
    private static final List<ContentModule> FIRST = List.of(new ContentModule("Start", 1,
            List.of(new ContentLesson("Welcome", 1, ASSET, 0))));
    private static final List<ContentModule> SECOND = List.of(FIRST.get(0), new ContentModule("Next", 2,
            List.of(new ContentLesson("Later", 1, null, 14))));

    @Override
    protected Object projection() {
        return new ProductContentProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "product_content_view", "content_key");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return AggregateStream.of("ProductContent", KEY.value())
                .then(new ContentStructureSaved(KEY, PUB, PRODUCT, FIRST, OWNER, AT), AT)
                .then(new ContentMarkedReady(KEY, PUB, PRODUCT, OWNER, AT.plusSeconds(1)), AT.plusSeconds(1))
                .then(new ContentStructureSaved(KEY, PUB, PRODUCT, SECOND, OWNER, AT.plusSeconds(2)),
                        AT.plusSeconds(2)).events();
    }

    @Test
    void theLastStructureIsShownAndItsChangeClearedTheMark() {
        applyHistory();
        ProductContentView view = new ProductContentProjection(jdbc).answer(new WhatIsProductContent(PUB, PRODUCT))
                .orElseThrow();
        assertThat(view.modules()).isEqualTo(SECOND);
        assertThat(view.markedReady()).isFalse();
        assertThat(view.version()).isEqualTo(2);
        assertThat(new ProductContentProjection(jdbc).answer(new WhatIsProductContent(PublisherId.of("rival"),
                PRODUCT))).isEmpty();
    }
}
