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
import static org.assertj.core.api.Assertions.assertThat;

/** A main offer's post-purchase path (issue 9 item 3): an upsell, then a downsell if declined; confirmed, checked. */
class CatalogOfferPostPurchasePathTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final OfferId MAIN = OfferId.of("launch-pass");
    private static final CatalogKey KEY = CatalogKey.ofOffer(DEMO, MAIN);
    private static final CatalogPrice MAIN_PRICE = CatalogPrice.of(DEMO, MAIN, Money.of(900, "USD"), null, null);
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), IdempotencyKey.of("key-1"));
    private static final SeededOfferAdopted ADOPTED = new SeededOfferAdopted(KEY, DEMO, MAIN, ProductId.of("launch-pass"),
            "Bumpgrade launch pass", OfferRole.MAIN, MAIN_PRICE, OWNER, NOW);
    private static final PostPurchaseOffer UPSELL = offer("launch-coaching", "Launch coaching", OfferRole.UPSELL,
            1900, "USD");
    private static final PostPurchaseOffer DOWNSELL = offer("launch-workbook", "Launch workbook", OfferRole.DOWNSELL,
            700, "USD");
    private static final String PHRASE = "Set post-purchase path of Bumpgrade launch pass: upsell Launch coaching at "
            + "19.00 USD, then downsell Launch workbook at 7.00 USD if declined";
    private static final List<PostPurchaseStep> STEPS = List.of(
            new PostPurchaseStep(1, UPSELL.offerId(), OfferRole.UPSELL, UPSELL.title(), UPSELL.price(), 2),
            new PostPurchaseStep(2, DOWNSELL.offerId(), OfferRole.DOWNSELL, DOWNSELL.title(), DOWNSELL.price(), null));

    private FixtureConfiguration<CatalogOffer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogOffer.class);
    }

    private static PostPurchaseOffer offer(String id, String title, OfferRole role, long amount, String currency) {
        OfferId offerId = OfferId.of(id);
        return new PostPurchaseOffer(DEMO, offerId, title, role, OfferStatus.PUBLISHED,
                CatalogPrice.of(DEMO, offerId, Money.of(amount, currency), null, null));
    }

    private static SetPostPurchasePath set(PostPurchaseOffer upsell, PostPurchaseOffer downsell, String phrase) {
        return new SetPostPurchasePath(KEY, DEMO, 0L, upsell, downsell, phrase, OWNER, NOW);
    }

    @Nested
    class Set {
        @Test
        void anUpsellThenADownsellWithTheExactPhrase() {
            fixture.given(ADOPTED).when(set(UPSELL, DOWNSELL, PHRASE))
                    .expectEvents(new PostPurchasePathSet(KEY, DEMO, MAIN, STEPS, OWNER, NOW));
        }

        @Test
        void anUpsellAlone() {
            fixture.given(ADOPTED).when(set(UPSELL, null, "Set post-purchase path of Bumpgrade launch pass: upsell "
                            + "Launch coaching at 19.00 USD"))
                    .expectEvents(new PostPurchasePathSet(KEY, DEMO, MAIN, List.of(new PostPurchaseStep(1,
                            UPSELL.offerId(), OfferRole.UPSELL, UPSELL.title(), UPSELL.price(), null)), OWNER, NOW));
        }

        @Test
        void noOfferClearsThePath() {
            fixture.given(ADOPTED).when(set(null, null, "Clear post-purchase path of Bumpgrade launch pass"))
                    .expectEvents(new PostPurchasePathSet(KEY, DEMO, MAIN, List.of(), OWNER, NOW));
        }
    }

    @Nested
    class Refused {
        @Test
        void withoutTheExactPhrase() {
            fixture.given(ADOPTED).when(set(UPSELL, DOWNSELL, "Set post-purchase path"))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void atAStaleVersion() {
            fixture.given(ADOPTED).when(new SetPostPurchasePath(KEY, DEMO, 3L, UPSELL, DOWNSELL, PHRASE, OWNER, NOW))
                    .expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void byAnotherPublisher() {
            fixture.given(ADOPTED).when(new SetPostPurchasePath(KEY, PublisherId.of("rival"), 0L, UPSELL, DOWNSELL,
                    PHRASE, OWNER, NOW)).expectException(violation("not_found")).expectNoEvents();
        }

        @Test
        void anOfferOfTheWrongRole() {
            fixture.given(ADOPTED).when(set(DOWNSELL, null, PHRASE))
                    .expectException(violation("not_an_upsell")).expectNoEvents();
            fixture.given(ADOPTED).when(set(UPSELL, UPSELL, PHRASE))
                    .expectException(violation("not_a_downsell")).expectNoEvents();
        }

        @Test
        void anOfferInAnotherCurrency() {
            fixture.given(ADOPTED).when(set(offer("euro-coaching", "Coaching", OfferRole.UPSELL, 1900, "EUR"), null,
                    PHRASE)).expectException(violation("path_currency_mismatch")).expectNoEvents();
        }

        @Test
        void anotherPublishersOffer() {
            PostPurchaseOffer foreign = new PostPurchaseOffer(PublisherId.of("rival"), UPSELL.offerId(),
                    UPSELL.title(), OfferRole.UPSELL, OfferStatus.PUBLISHED, UPSELL.price());
            fixture.given(ADOPTED).when(set(foreign, null, PHRASE))
                    .expectException(violation("unknown_path_offer")).expectNoEvents();
        }

        @Test
        void anOfferThatIsNotPublished() {
            PostPurchaseOffer draft = new PostPurchaseOffer(DEMO, UPSELL.offerId(), UPSELL.title(), OfferRole.UPSELL,
                    OfferStatus.DRAFT, UPSELL.price());
            fixture.given(ADOPTED).when(set(draft, null, PHRASE))
                    .expectException(violation("path_offer_not_published")).expectNoEvents();
        }

        @Test
        void aDownsellWithoutAnUpsell() {
            fixture.given(ADOPTED).when(set(null, DOWNSELL, PHRASE))
                    .expectException(violation("downsell_needs_upsell")).expectNoEvents();
        }

        @Test
        void onAnOfferThatIsNotAMainOffer() {
            CatalogKey bump = CatalogKey.ofOffer(DEMO, OfferId.of("launch-templates"));
            fixture.given(new SeededOfferAdopted(bump, DEMO, OfferId.of("launch-templates"),
                            ProductId.of("launch-templates"), "Templates", OfferRole.ORDER_BUMP, MAIN_PRICE, OWNER, NOW))
                    .when(new SetPostPurchasePath(bump, DEMO, 0L, UPSELL, null, PHRASE, OWNER, NOW))
                    .expectException(violation("not_a_main_offer")).expectNoEvents();
        }

        @Test
        void onAnArchivedOffer() {
            fixture.given(ADOPTED, new OfferArchived(KEY, DEMO, MAIN, OWNER, NOW))
                    .when(new SetPostPurchasePath(KEY, DEMO, 1L, UPSELL, DOWNSELL, PHRASE, OWNER, NOW))
                    .expectException(violation("offer_archived")).expectNoEvents();
        }
    }

    @Test
    void thePhraseNamesEveryOfferAndItsPrice() {
        assertThat(PostPurchasePathPolicy.phrase("Bumpgrade launch pass", STEPS)).isEqualTo(PHRASE);
    }
}
