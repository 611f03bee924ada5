package com.bumpgrade.commerce.projections.catalog;

import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferDrafted;
import com.bumpgrade.commerce.domain.catalog.OfferPublished;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.PostPurchasePathSet;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.catalog.WhatIsCatalogOffer;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A main offer's path, set twice: the second replaces the first, at the offer's version; seeded rows stay. */
class PostPurchasePathProjectionTest extends ReplayableProjectionTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final PublisherId PUB = PublisherId.of("pub-path");
    private static final OfferId MAIN = OfferId.of("main");
    private static final CatalogKey KEY = CatalogKey.ofOffer(PUB, MAIN);
    private static final CatalogPrice PRICE = CatalogPrice.of(PUB, MAIN, Money.of(900, "USD"), null, null);
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("test/1"), CorrelationId.of("corr-1"), null);

    private final CatalogProjection catalog = new CatalogProjection(jdbc);

    @Override
    protected Object projection() {
        return List.of(catalog, new PostPurchasePathProjection(jdbc));
    }

    @Override
    protected Tables tables() {
        // the offer's rows too: its version guards the path's
        return Tables.of(jdbc, "offer", "offer_id", "price", "price_id", "offer_post_purchase_step",
                "main_offer_id || ':' || step");
    }

    private static PostPurchaseStep step(int step, String offer, OfferRole role, Integer onDecline) {
        return new PostPurchaseStep(step, OfferId.of(offer), role, offer, CatalogPrice.of(PUB, OfferId.of(offer),
                Money.of(500, "USD"), null, null), onDecline);
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return AggregateStream.of("CatalogOffer", KEY.value())
                .then(new OfferDrafted(KEY, PUB, MAIN, ProductId.of("main"), "Main", OfferRole.MAIN, PRICE, OWNER, AT),
                        AT)
                .then(new OfferPublished(KEY, PUB, MAIN, PRICE, OWNER, AT), AT)
                .then(new PostPurchasePathSet(KEY, PUB, MAIN, List.of(step(1, "old-up", OfferRole.UPSELL, null)),
                        OWNER, AT), AT)
                .then(new PostPurchasePathSet(KEY, PUB, MAIN, List.of(step(1, "up", OfferRole.UPSELL, 2),
                        step(2, "down", OfferRole.DOWNSELL, null)), OWNER, AT), AT)
                .events();
    }

    @Test
    void theLastPathIsShownInOrderAndTheOffersVersionFollowsIt() {
        applyHistory();
        CatalogOfferView view = catalog.answer(new WhatIsCatalogOffer(PUB, MAIN)).orElseThrow();
        assertThat(view.version()).isEqualTo(3L);
        assertThat(view.postPurchasePath()).containsExactly(new CatalogOfferView.PathStep(1, "up", "upsell", 2),
                new CatalogOfferView.PathStep(2, "down", "downsell", null));
    }

    @Test
    void aSeededPathSurvivesTheReset() {
        jdbc.update("INSERT INTO offer_post_purchase_step (publisher_id, main_offer_id, step, offer_id, role, seeded) "
                + "VALUES ('pub-path', 'seeded-main', 1, 'seeded-up', 'upsell', TRUE)");
        new Projector(projection()).reset();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM offer_post_purchase_step WHERE seeded", Long.class))
                .isEqualTo(1);
    }
}
