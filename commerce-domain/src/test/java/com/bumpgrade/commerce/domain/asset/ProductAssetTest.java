package com.bumpgrade.commerce.domain.asset;

import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/** One private asset: recorded once with the upload's phrase, the same upload again is no change, archived once. */
class ProductAssetTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final ProductId PRODUCT = ProductId.of("launch-course");
    private static final AssetId ASSET = AssetId.forUpload(PUBLISHER, PRODUCT, "demo/owner-1", "key-1");
    private static final String SHA = "a".repeat(64);
    private static final String UPLOAD = "Upload lesson-1.mp4 (2048 bytes) to product launch-course";
    private static final String ARCHIVE = "Archive asset lesson-1.mp4 of product launch-course";
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), IdempotencyKey.of("key-1"));

    private FixtureConfiguration<ProductAsset> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductAsset.class);
    }

    private static RecordProductAsset record(String name, String sha, String phrase) {
        return new RecordProductAsset(ASSET, PUBLISHER, PRODUCT, name, 2048, sha, "video/mp4", phrase, OWNER, NOW);
    }

    private static final ProductAssetRecorded RECORDED = new ProductAssetRecorded(ASSET, PUBLISHER, PRODUCT,
            "lesson-1.mp4", 2048, SHA, "video/mp4", OWNER, NOW);

    @Nested
    class Recording {
        @Test
        void theUploadsPhraseRecordsTheAsset() {
            fixture.givenNoPriorActivity().when(record("lesson-1.mp4", SHA, UPLOAD)).expectEvents(RECORDED);
        }

        @Test
        void theNameIsRecordedSanitized() {
            fixture.givenNoPriorActivity().when(record("../../videos/lesson-1.mp4", SHA, UPLOAD))
                    .expectEvents(RECORDED);
        }

        @Test
        void withoutThePhraseNothingIsRecorded() {
            fixture.givenNoPriorActivity().when(record("lesson-1.mp4", SHA, "Upload lesson-1.mp4"))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void theSameBytesAgainAppendNothing() {
            fixture.given(RECORDED).when(record("lesson-1.mp4", SHA, UPLOAD)).expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void otherBytesUnderTheSameKeyAreRefused() {
            fixture.given(RECORDED).when(record("lesson-1.mp4", "b".repeat(64), UPLOAD))
                    .expectException(violation("idempotency_key_reused")).expectNoEvents();
        }

        @Test
        void anotherPublisherFindsNoAsset() {
            fixture.given(RECORDED).when(new RecordProductAsset(ASSET, PublisherId.of("rival"), PRODUCT,
                            "lesson-1.mp4", 2048, SHA, "video/mp4", UPLOAD, OWNER, NOW))
                    .expectException(violation("not_found")).expectNoEvents();
        }
    }

    @Nested
    class Archiving {
        @Test
        void thePhraseAtTheCurrentVersionArchives() {
            fixture.given(RECORDED).when(new ArchiveProductAsset(ASSET, PUBLISHER, 0L, ARCHIVE, OWNER, NOW))
                    .expectEvents(new ProductAssetArchived(ASSET, PUBLISHER, PRODUCT, OWNER, NOW));
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(RECORDED).when(new ArchiveProductAsset(ASSET, PUBLISHER, 3L, ARCHIVE, OWNER, NOW))
                    .expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void aWrongPhraseIsRefused() {
            fixture.given(RECORDED).when(new ArchiveProductAsset(ASSET, PUBLISHER, 0L, "Archive asset", OWNER, NOW))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void anArchivedAssetStaysArchived() {
            fixture.given(RECORDED, new ProductAssetArchived(ASSET, PUBLISHER, PRODUCT, OWNER, NOW))
                    .when(new ArchiveProductAsset(ASSET, PUBLISHER, 1L, ARCHIVE, OWNER, NOW))
                    .expectException(violation("asset_archived")).expectNoEvents();
        }

        @Test
        void anotherPublisherCannotArchive() {
            fixture.given(RECORDED).when(new ArchiveProductAsset(ASSET, PublisherId.of("rival"), 0L, ARCHIVE, OWNER,
                    NOW)).expectException(violation("not_found")).expectNoEvents();
        }
    }
}
