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
import java.util.List;

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

    @Nested
    class OrderBumps {
        private static final OfferId TEMPLATES = OfferId.of("launch-templates");
        private static final OfferId KIT = OfferId.of("launch-kit");
        private static final String SET = "Set the order bumps of Launch course to launch-templates, launch-kit";

        private SetOrderBumps set(List<OfferId> bumps, long version, String phrase) {
            return new SetOrderBumps(KEY, PUBLISHER, bumps, version, phrase, OWNER, NOW);
        }

        @Test
        void theExactPhraseAtTheCurrentVersionSetsTheListInOrder() {
            fixture.given(drafted(PRICE), PUBLISHED).when(set(List.of(TEMPLATES, KIT), 1, SET))
                    .expectEvents(new OfferOrderBumpsSet(KEY, PUBLISHER, OFFER, List.of(TEMPLATES, KIT), OWNER, NOW));
        }

        @Test
        void theSameListAgainAppendsNothing() {
            fixture.given(drafted(PRICE), PUBLISHED,
                            new OfferOrderBumpsSet(KEY, PUBLISHER, OFFER, List.of(TEMPLATES, KIT), OWNER, NOW))
                    .when(set(List.of(TEMPLATES, KIT), 2, SET)).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anEmptyListRemovesThemAll() {
            fixture.given(drafted(PRICE), PUBLISHED,
                            new OfferOrderBumpsSet(KEY, PUBLISHER, OFFER, List.of(TEMPLATES), OWNER, NOW))
                    .when(set(List.of(), 2, "Set the order bumps of Launch course to none"))
                    .expectEvents(new OfferOrderBumpsSet(KEY, PUBLISHER, OFFER, List.of(), OWNER, NOW));
        }

        @Test
        void aSeedKeepsTheBumpsItWasSeededWith() {
            SeededOfferAdopted adopted = new SeededOfferAdopted(KEY, PUBLISHER, OFFER, PRODUCT, TITLE, OfferRole.MAIN,
                    PRICE, OWNER, NOW, List.of(TEMPLATES, KIT));
            fixture.givenNoPriorActivity().when(new AdoptSeededOffer(KEY, PUBLISHER, OFFER, PRODUCT, TITLE,
                    OfferRole.MAIN, PRICE, OWNER, NOW, List.of(TEMPLATES, KIT))).expectEvents(adopted);
            fixture.given(adopted).when(set(List.of(TEMPLATES, KIT), 0, SET)).expectNoEvents();
        }

        @Test
        void duplicatesTheOfferItselfTooManyAndBumpsOfABumpAreRefused() {
            fixture.given(drafted(PRICE), PUBLISHED)
                    .when(set(List.of(TEMPLATES, TEMPLATES), 1,
                            "Set the order bumps of Launch course to launch-templates, launch-templates"))
                    .expectException(violation("duplicate_order_bump")).expectNoEvents();
            fixture.given(drafted(PRICE), PUBLISHED)
                    .when(set(List.of(OFFER), 1, "Set the order bumps of Launch course to launch-course"))
                    .expectException(violation("duplicate_order_bump")).expectNoEvents();
            List<OfferId> six = List.of("a", "b", "c", "d", "e", "f").stream().map(OfferId::of).toList();
            fixture.given(drafted(PRICE), PUBLISHED)
                    .when(set(six, 1, "Set the order bumps of Launch course to a, b, c, d, e, f"))
                    .expectException(violation("too_many_order_bumps")).expectNoEvents();
            fixture.given(new OfferDrafted(KEY, PUBLISHER, OFFER, PRODUCT, TITLE, OfferRole.ORDER_BUMP, PRICE, OWNER,
                            NOW))
                    .when(set(List.of(TEMPLATES), 0, "Set the order bumps of Launch course to launch-templates"))
                    .expectException(violation("not_a_main_offer")).expectNoEvents();
        }

        @Test
        void aStaleVersionAWrongPhraseAnotherPublisherAndAnArchivedOfferAreRefused() {
            fixture.given(drafted(PRICE), PUBLISHED).when(set(List.of(TEMPLATES, KIT), 0, SET))
                    .expectException(violation("stale_version")).expectNoEvents();
            fixture.given(drafted(PRICE), PUBLISHED).when(set(List.of(TEMPLATES), 1, SET))
                    .expectException(violation("confirmation_required")).expectNoEvents();
            fixture.given(drafted(PRICE), PUBLISHED).when(new SetOrderBumps(KEY, PublisherId.of("rival"),
                            List.of(TEMPLATES, KIT), 1L, SET, OWNER, NOW))
                    .expectException(violation("not_found")).expectNoEvents();
            fixture.given(drafted(PRICE), PUBLISHED, new OfferArchived(KEY, PUBLISHER, OFFER, OWNER, NOW))
                    .when(set(List.of(TEMPLATES, KIT), 2, SET))
                    .expectException(violation("offer_archived")).expectNoEvents();
        }
    }
}
