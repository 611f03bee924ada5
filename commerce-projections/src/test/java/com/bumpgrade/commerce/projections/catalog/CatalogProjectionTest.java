package com.bumpgrade.commerce.projections.catalog;

import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferArchived;
import com.bumpgrade.commerce.domain.catalog.OfferDrafted;
import com.bumpgrade.commerce.domain.catalog.OfferOrderBumpsSet;
import com.bumpgrade.commerce.domain.catalog.OfferPublished;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.OfferStripeMapped;
import com.bumpgrade.commerce.domain.catalog.ProductDrafted;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.catalog.ProductKind;
import com.bumpgrade.commerce.domain.catalog.SeededOfferAdopted;
import com.bumpgrade.commerce.domain.catalog.WhatIsCatalogOffer;
import com.bumpgrade.commerce.domain.catalog.WhichCatalogOffers;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.support.AggregateStream;
import com.bumpgrade.commerce.projections.support.Projector;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue tables: a draft's price replaced, then published and mapped; another offer archived. */
class CatalogProjectionTest extends ReplayableProjectionTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUB = PublisherId.of("pub-catalog");
    private static final ProductId PRODUCT = ProductId.of("course");
    private static final OfferId SOLD = OfferId.of("course-main");
    private static final OfferId GONE = OfferId.of("course-old");
    private static final CatalogPrice FIRST = CatalogPrice.of(PUB, SOLD, Money.of(4000, "USD"), null, null);
    private static final CatalogPrice FINAL = CatalogPrice.of(PUB, SOLD, Money.of(4500, "USD"), "month", 3);
    private static final CatalogPrice OLD = CatalogPrice.of(PUB, GONE, Money.of(100, "USD"), null, null);
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), null);

    @Override
    protected Object projection() {
        return new CatalogProjection(jdbc);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "product", "product_id", "offer", "offer_id", "price", "price_id",
                "offer_order_bump", "main_offer_id || ':' || position");
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        CatalogKey sold = CatalogKey.ofOffer(PUB, SOLD);
        CatalogKey gone = CatalogKey.ofOffer(PUB, GONE);
        List<DomainEventMessage<?>> events = new ArrayList<>(AggregateStream.of("CatalogProduct",
                        CatalogKey.ofProduct(PUB, PRODUCT).value())
                .then(new ProductDrafted(CatalogKey.ofProduct(PUB, PRODUCT), PUB, PRODUCT, "Course",
                        ProductKind.COURSE, OWNER, AT), AT).events());
        events.addAll(AggregateStream.of("CatalogOffer", sold.value())
                .then(new OfferDrafted(sold, PUB, SOLD, PRODUCT, "Course", OfferRole.MAIN, FIRST, OWNER, AT), AT)
                .then(new OfferDrafted(sold, PUB, SOLD, PRODUCT, "Course club", OfferRole.MAIN, FINAL, OWNER, AT), AT)
                .then(new OfferPublished(sold, PUB, SOLD, FINAL, OWNER, AT), AT)
                .then(new OfferStripeMapped(sold, PUB, SOLD, FINAL.priceId(), OWNER, AT), AT)
                .then(new OfferOrderBumpsSet(sold, PUB, SOLD, List.of(GONE, OfferId.of("kit")), OWNER, AT), AT)
                .then(new OfferOrderBumpsSet(sold, PUB, SOLD, List.of(OfferId.of("kit"), GONE), OWNER, AT), AT)
                .events());
        events.addAll(AggregateStream.of("CatalogOffer", gone.value())
                .then(new OfferDrafted(gone, PUB, GONE, PRODUCT, "Old", OfferRole.ORDER_BUMP, OLD, OWNER, AT), AT)
                .then(new OfferArchived(gone, PUB, GONE, OWNER, AT), AT).events());
        // a seed adopted by its first write: after a reset, its row comes back from the event alone
        OfferId seed = OfferId.of("seeded");
        CatalogKey seeded = CatalogKey.ofOffer(PUB, seed);
        events.addAll(AggregateStream.of("CatalogOffer", seeded.value())
                .then(new SeededOfferAdopted(seeded, PUB, seed, PRODUCT, "Seeded", OfferRole.MAIN,
                        new CatalogPrice("price-seeded", Money.of(900, "USD"), null, null), OWNER, AT,
                        List.of(OfferId.of("kit"))), AT)
                .then(new OfferStripeMapped(seeded, PUB, seed, "price-seeded", OWNER, AT), AT).events());
        return events;
    }

    @Test
    void theFinalPriceIsSoldMappedAndTheArchivedOfferIsNotListed() {
        applyHistory();
        CatalogProjection projection = new CatalogProjection(jdbc);
        CatalogOfferView view = projection.answer(new WhatIsCatalogOffer(PUB, SOLD)).orElseThrow();
        assertThat(view.status()).isEqualTo("published");
        assertThat(view.stripeSync()).isEqualTo("mapped");
        assertThat(view.version()).isEqualTo(5L);
        assertThat(view.orderBumpOfferIds()).containsExactly("kit", GONE.value());
        assertThat(projection.answer(new WhatIsCatalogOffer(PUB, OfferId.of("seeded"))).orElseThrow()
                .orderBumpOfferIds()).containsExactly("kit");
        assertThat(view.price().priceId()).isEqualTo(FINAL.priceId());
        assertThat(view.price().display()).isEqualTo("45.00 USD every 3 months");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM price WHERE offer_id = ?", Long.class, SOLD.value()))
                .isEqualTo(1);
        assertThat(projection.answer(new WhichCatalogOffers(PUB)).offers()).extracting(CatalogOfferView::offerId)
                .containsExactly(SOLD.value(), "seeded");
        assertThat(projection.answer(new WhatIsCatalogOffer(PublisherId.of("rival"), SOLD))).isEmpty();
    }

    @Test
    void aSeedRowAdoptedLiveIsRebuiltExactlyByAReplay() {
        OfferId seed = OfferId.of("seeded-by-migration");
        CatalogKey key = CatalogKey.ofOffer(PUB, seed);
        List<DomainEventMessage<?>> product = events().subList(0, 1);
        List<DomainEventMessage<?>> adoption = Projector.atStorePositions(AggregateStream.of("CatalogOffer",
                        key.value())
                .then(new SeededOfferAdopted(key, PUB, seed, PRODUCT, "Seeded", OfferRole.MAIN,
                        new CatalogPrice("price-seeded-by-migration", Money.of(900, "USD"), null, null), OWNER, AT,
                        List.of()), AT).events());
        Projector projector = new Projector(projection());
        projector.apply(product);
        // as a migration seeds it: no key, no version, times of its own
        jdbc.update("INSERT INTO offer (offer_id, publisher_id, product_id, title, role, created_at) "
                + "VALUES (?, ?, ?, 'Seeded', 'main', '2025-01-01T00:00:00Z')", seed.value(), PUB.value(),
                PRODUCT.value());
        jdbc.update("INSERT INTO price (price_id, publisher_id, offer_id, amount_minor, currency, billing_type, "
                + "created_at) VALUES ('price-seeded-by-migration', ?, ?, 900, 'USD', 'one_time', "
                + "'2025-01-01T00:00:00Z')", PUB.value(), seed.value());
        projector.apply(adoption);
        Map<String, List<String>> live = tables().rows();

        projector.reset();
        projector.apply(product);
        projector.apply(adoption);

        assertThat(tables().rows()).isEqualTo(live);
    }
}
