package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.asset.ProductAssetArchived;
import com.bumpgrade.commerce.domain.asset.ProductAssetRecorded;
import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.support.AggregateStream;
import com.bumpgrade.commerce.projections.support.ProjectionDatabase;
import com.bumpgrade.commerce.projections.support.Projector;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An asset's upload and archive are one chained entry each, with what was stored and never where. */
class ProductAssetAuditTrailTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUB = PublisherId.of("pub-asset-audit");
    private static final ProductId PRODUCT = ProductId.of("course");
    private static final AssetId ASSET = AssetId.forUpload(PUB, PRODUCT, "pub-asset-audit/owner-1", "k-1");
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), null);

    private final JdbcTemplate jdbc = ProjectionDatabase.get().jdbc();
    private final AuditTrail trail = new AuditTrail(jdbc, ProjectionDatabase.get().transactions(),
            new AuditedEventsInStore(jdbc, JacksonSerializer.defaultSerializer()));
    private final Tables tables = Tables.of(jdbc, "audit_entry", "sequence", "audit_chain_head", "publisher_id");

    @BeforeEach
    void emptyTrail() {
        tables.truncate();
    }

    @Test
    void theUploadAndTheArchiveAreEachOneEntry() {
        List<DomainEventMessage<?>> history = Projector.atStorePositions(AggregateStream.of("ProductAsset",
                        ASSET.value())
                .then(new ProductAssetRecorded(ASSET, PUB, PRODUCT, "lesson-1.mp4", 2048, "a".repeat(64),
                        "video/mp4", OWNER, AT), AT)
                .then(new ProductAssetArchived(ASSET, PUB, PRODUCT, OWNER, AT), AT).events());
        Projector projector = new Projector(new ProductAssetAuditTrail(trail));
        projector.apply(history);
        Map<String, List<String>> once = tables.rows();
        projector.apply(history);

        assertThat(tables.rows()).isEqualTo(once);
        assertThat(jdbc.queryForList("SELECT action || ' ' || result || ' ' || actor || ' ' || subject_id "
                        + "FROM audit_entry WHERE publisher_id = ? ORDER BY sequence", String.class, PUB.value()))
                .containsExactly("product_asset.upload recorded owner-1 " + ASSET.value(),
                        "product_asset.archive archived owner-1 " + ASSET.value());
        assertThat(jdbc.queryForObject("SELECT detail::text FROM audit_entry WHERE publisher_id = ? "
                + "AND action = 'product_asset.upload'", String.class, PUB.value()))
                .contains("\"sizeBytes\": 2048", "\"displayName\": \"lesson-1.mp4\"");
        assertThat(trail.answer(new IsAuditTrailIntact(PUB)).intact()).isTrue();
    }
}
