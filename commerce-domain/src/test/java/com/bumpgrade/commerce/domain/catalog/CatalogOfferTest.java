package com.bumpgrade.commerce.domain.catalog;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/** One catalogue offer: a free draft, a confirmed and stale-state checked publish, an immutable price, archive. */
class CatalogOfferTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final OfferId OFFER = OfferId.of("launch-course");
    private static final ProductId PRODUCT = ProductId.of("launch-course");
    private static final CatalogKey KEY = CatalogKey.ofOffer(PUBLISHER, OFFER);
    private static final CatalogPrice PRICE = CatalogPrice.of(PUBLISHER, OFFER, Money.of(4900, "USD"), null, null);
    private static final CatalogPrice DEARER = CatalogPrice.of(PUBLISHER, OFFER, Money.of(5900, "USD"), null, null);
    private static final String TITLE = "Launch course";
    private static final String PUBLISH = "Publish offer Launch course at 49.00 USD";
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), IdempotencyKey.of("key-1"));

    private FixtureConfiguration<CatalogOffer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogOffer.class);
    }

    private static DraftOffer draft(CatalogPrice price) {
        return new DraftOffer(KEY, PUBLISHER, OFFER, PRODUCT, TITLE, OfferRole.MAIN, price, OWNER, NOW);
    }

    private static OfferDrafted drafted(CatalogPrice price) {
        return new OfferDrafted(KEY, PUBLISHER, OFFER, PRODUCT, TITLE, OfferRole.MAIN, price, OWNER, NOW);
    }

    private static final OfferPublished PUBLISHED = new OfferPublished(KEY, PUBLISHER, OFFER, PRICE, OWNER, NOW);

    @Nested
    class Drafting {
        @Test
        void aNewOfferIsADraft() {
            fixture.givenNoPriorActivity().when(draft(PRICE)).expectEvents(drafted(PRICE));
        }

        @Test
        void aDraftMayChangeItsPrice() {
            fixture.given(drafted(PRICE)).when(draft(DEARER)).expectEvents(drafted(DEARER));
        }

        @Test
        void theSameDraftAgainAppendsNothing() {
            fixture.given(drafted(PRICE)).when(draft(PRICE)).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aPublishedPriceNeverChanges() {
            fixture.given(drafted(PRICE), PUBLISHED).when(draft(DEARER))
                    .expectException(violation("offer_published")).expectNoEvents();
        }
    }

    @Nested
    class Publishing {
        @Test
        void theExactPhraseAtTheCurrentVersionPublishes() {
            fixture.given(drafted(PRICE)).when(new PublishOffer(KEY, PUBLISHER, 0L, PUBLISH, OWNER, NOW))
                    .expectEvents(PUBLISHED);
        }

        @Test
        void aStaleVersionIsRefused() {
            fixture.given(drafted(PRICE)).when(new PublishOffer(KEY, PUBLISHER, 3L, PUBLISH, OWNER, NOW))
                    .expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void anotherPhraseIsRefused() {
            fixture.given(drafted(PRICE))
                    .when(new PublishOffer(KEY, PUBLISHER, 0L, "Publish offer Launch course", OWNER, NOW))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void anotherPublisherFindsNothing() {
            fixture.given(drafted(PRICE))
                    .when(new PublishOffer(KEY, PublisherId.of("rival"), 0L, PUBLISH, OWNER, NOW))
                    .expectException(violation("not_found")).expectNoEvents();
        }

        @Test
        void aPublishedOfferIsNotPublishedTwice() {
            fixture.given(drafted(PRICE), PUBLISHED).when(new PublishOffer(KEY, PUBLISHER, 1L, PUBLISH, OWNER, NOW))
                    .expectException(violation("offer_published")).expectNoEvents();
        }
    }

    @Nested
    class ArchivingAndMapping {
        @Test
        void anArchivedOfferIsFinal() {
            fixture.given(drafted(PRICE), PUBLISHED, new OfferArchived(KEY, PUBLISHER, OFFER, OWNER, NOW))
                    .when(new PublishOffer(KEY, PUBLISHER, 2L, PUBLISH, OWNER, NOW))
                    .expectException(violation("offer_archived")).expectNoEvents();
        }

        @Test
        void archivingNeedsItsPhrase() {
            fixture.given(drafted(PRICE), PUBLISHED)
                    .when(new ArchiveOffer(KEY, PUBLISHER, 1L, "Archive offer Launch course", OWNER, NOW))
                    .expectEvents(new OfferArchived(KEY, PUBLISHER, OFFER, OWNER, NOW));
        }

        @Test
        void thePublishedPriceIsMappedOnce() {
            OfferStripeMapped mapped = new OfferStripeMapped(KEY, PUBLISHER, OFFER, PRICE.priceId(), OWNER, NOW);
            fixture.given(drafted(PRICE), PUBLISHED)
                    .when(new RecordOfferStripeMapping(KEY, PRICE.priceId(), OWNER, NOW)).expectEvents(mapped);
            fixture.given(drafted(PRICE), PUBLISHED, mapped)
                    .when(new RecordOfferStripeMapping(KEY, PRICE.priceId(), OWNER, NOW)).expectNoEvents();
        }

        @Test
        void aSeedIsAdoptedOnceAsPublished() {
            AdoptSeededOffer adopt = new AdoptSeededOffer(KEY, PUBLISHER, OFFER, PRODUCT, TITLE, OfferRole.MAIN, PRICE,
                    OWNER, NOW);
            SeededOfferAdopted adopted = new SeededOfferAdopted(KEY, PUBLISHER, OFFER, PRODUCT, TITLE, OfferRole.MAIN,
                    PRICE, OWNER, NOW);
            fixture.givenNoPriorActivity().when(adopt).expectEvents(adopted);
            fixture.given(adopted).when(adopt).expectNoEvents();
            fixture.given(adopted).when(draft(DEARER)).expectException(violation("offer_published"));
        }

        @Test
        void aDraftIsNotMapped() {
            fixture.given(drafted(PRICE)).when(new RecordOfferStripeMapping(KEY, PRICE.priceId(), OWNER, NOW))
                    .expectException(violation("offer_not_published"));
        }
    }
}
