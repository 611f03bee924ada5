package com.bumpgrade.commerce.domain.content;

import com.bumpgrade.commerce.domain.asset.AssetId;
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
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/** A product's content structure: saved (the same again no change), marked ready only when computed ready. */
class ProductContentTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final ProductId PRODUCT = ProductId.of("launch-course");
    private static final ContentKey KEY = ContentKey.ofProduct(PUBLISHER, PRODUCT);
    private static final AssetId ASSET = AssetId.forUpload(PUBLISHER, PRODUCT, "demo/owner-1", "k-1");
    private static final String MARK = "Mark product launch-course ready for delivery";
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), IdempotencyKey.of("key-1"));
    private static final List<ContentModule> STRUCTURE = List.of(new ContentModule("Start", 1,
            List.of(new ContentLesson("Welcome", 1, ASSET, 0))));
    private static final ContentStructureSaved SAVED = new ContentStructureSaved(KEY, PUBLISHER, PRODUCT, STRUCTURE,
            OWNER, NOW);

    private FixtureConfiguration<ProductContent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProductContent.class);
    }

    private static MarkContentReady mark(long version, String phrase, AssetState state) {
        return new MarkContentReady(KEY, PUBLISHER, version, phrase, Map.of(ASSET, state), OWNER, NOW);
    }

    @Nested
    class Saving {
        @Test
        void aStructureIsSaved() {
            fixture.givenNoPriorActivity().when(new SaveContentStructure(KEY, PUBLISHER, PRODUCT, STRUCTURE, OWNER,
                    NOW)).expectEvents(SAVED);
        }

        @Test
        void theSameStructureAgainAppendsNothing() {
            fixture.given(SAVED).when(new SaveContentStructure(KEY, PUBLISHER, PRODUCT, STRUCTURE, OWNER, NOW))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anInvalidStructureIsRefused() {
            fixture.givenNoPriorActivity().when(new SaveContentStructure(KEY, PUBLISHER, PRODUCT,
                            List.of(new ContentModule("", 1, List.of())), OWNER, NOW))
                    .expectException(violation("invalid_structure")).expectNoEvents();
        }
    }

    @Nested
    class MarkingReady {
        @Test
        void aReadyStructureIsMarkedWithThePhraseAtTheCurrentVersion() {
            fixture.given(SAVED).when(mark(0, MARK, AssetState.ACTIVE))
                    .expectEvents(new ContentMarkedReady(KEY, PUBLISHER, PRODUCT, OWNER, NOW));
        }

        @Test
        void aStructureThatIsNotReadyIsRefused() {
            fixture.given(SAVED).when(mark(0, MARK, AssetState.ARCHIVED))
                    .expectException(violation("content_not_ready")).expectNoEvents();
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(SAVED).when(mark(5, MARK, AssetState.ACTIVE))
                    .expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void aWrongPhraseIsRefused() {
            fixture.given(SAVED).when(mark(0, "Mark ready", AssetState.ACTIVE))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void aChangedStructureNeedsANewMark() {
            List<ContentModule> more = List.of(STRUCTURE.get(0), new ContentModule("More", 2,
                    List.of(new ContentLesson("Next", 1, ASSET, 7))));
            fixture.given(SAVED, new ContentMarkedReady(KEY, PUBLISHER, PRODUCT, OWNER, NOW),
                            new ContentStructureSaved(KEY, PUBLISHER, PRODUCT, more, OWNER, NOW))
                    .when(mark(2, MARK, AssetState.ACTIVE))
                    .expectEvents(new ContentMarkedReady(KEY, PUBLISHER, PRODUCT, OWNER, NOW));
        }

        @Test
        void anotherPublisherFindsNothing() {
            fixture.given(SAVED).when(new MarkContentReady(KEY, PublisherId.of("rival"), 0L, MARK,
                    Map.of(ASSET, AssetState.ACTIVE), OWNER, NOW)).expectException(violation("not_found"));
        }
    }
}
