package com.bumpgrade.commerce.projections.checkout;

import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecision;
import com.bumpgrade.commerce.domain.checkout.PostPurchaseDecisionRecorded;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.domain.checkout.WhichPostPurchasePathHasCheckoutIntent;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.support.AggregateStream;
import com.bumpgrade.commerce.projections.support.ReplayableProjectionTest;
import com.bumpgrade.commerce.projections.support.Tables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bumpgrade.commerce.projections.support.Stories.AGENT;
import static com.bumpgrade.commerce.projections.support.Stories.PAID_EVIDENCE;
import static com.bumpgrade.commerce.projections.support.Stories.PUBLISHER;
import static com.bumpgrade.commerce.projections.support.Stories.at;
import static org.assertj.core.api.Assertions.assertThat;

/** A paid checkout's post-purchase decisions in its view, in order, with the path the first one fixed. */
class CheckoutPostPurchaseProjectionTest extends ReplayableProjectionTest {
    private static final CheckoutIntentId INTENT = CheckoutIntentId.of("chk_00000000000000000000000000000009");
    private static final Money PRICE = Money.of(900, "USD");
    private static final PostPurchaseStep UP = new PostPurchaseStep(1, OfferId.of("launch-coaching"),
            OfferRole.UPSELL, "Coaching", CatalogPrice.of(PUBLISHER, OfferId.of("launch-coaching"),
            Money.of(1900, "USD"), null, null), 2);
    private static final PostPurchaseStep DOWN = new PostPurchaseStep(2, OfferId.of("launch-workbook"),
            OfferRole.DOWNSELL, "Workbook", CatalogPrice.of(PUBLISHER, OfferId.of("launch-workbook"),
            Money.of(700, "USD"), null, null), null);
    private static final List<PostPurchaseStep> PATH = List.of(UP, DOWN);

    private final CheckoutIntentProjection intents = new CheckoutIntentProjection(jdbc);
    private final CheckoutPostPurchaseProjection postPurchase = new CheckoutPostPurchaseProjection(jdbc);

    @Override
    protected Object projection() {
        return List.of(intents, postPurchase);
    }

    @Override
    protected Tables tables() {
        return Tables.of(jdbc, "checkout_intent_view", "checkout_intent_id");
    }

    private static PostPurchaseDecisionRecorded recorded(PostPurchaseStep step, PostPurchaseDecision decision,
                                                         int minute) {
        return new PostPurchaseDecisionRecorded(INTENT, PUBLISHER, PATH, step, decision, AGENT, at(minute));
    }

    @Override
    protected List<DomainEventMessage<?>> history() {
        return AggregateStream.of("CheckoutIntent", INTENT.value())
                .then(new CheckoutStarted(INTENT, PUBLISHER, OfferId.of("launch-pass"), CheckoutMode.PAYMENT,
                        List.of(new CheckoutLine(OfferId.of("launch-pass"), "Pass", 1, PRICE, false)), PRICE,
                        "e".repeat(64), AGENT, at(0)), at(0))
                .then(new CheckoutSessionOpened(INTENT, PUBLISHER, 1, at(60), AGENT, at(1)), at(1))
                .then(new CheckoutPaid(INTENT, PUBLISHER, PAID_EVIDENCE, PRICE, at(2)), at(2))
                .then(recorded(UP, PostPurchaseDecision.SHOWN, 3), at(3))
                .then(recorded(UP, PostPurchaseDecision.DECLINED, 4), at(4))
                .then(recorded(DOWN, PostPurchaseDecision.SHOWN, 5), at(5))
                .events();
    }

    @Test
    void theDecisionsAreListedInOrderAtTheIntentsVersionWithTheFixedPath() {
        applyHistory();
        CheckoutIntentView view = intents.answer(new WhatIsCheckoutIntent(INTENT, PUBLISHER)).orElseThrow();
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.postPurchase()).extracting(e -> e.offerId() + ":" + e.decision()).containsExactly(
                "launch-coaching:shown", "launch-coaching:declined", "launch-workbook:shown");
        assertThat(view.postPurchase().get(2).price().display()).isEqualTo("7.00 USD");
        assertThat(view.postPurchase().get(0).recordedBy()).isEqualTo(AGENT.actor().value());

        PostPurchasePathOfIntent fixed = postPurchase.answer(new WhichPostPurchasePathHasCheckoutIntent(INTENT,
                PUBLISHER)).orElseThrow();
        assertThat(fixed.path()).isEqualTo(PATH);
        assertThat(fixed.decisions()).hasSize(3);
        assertThat(postPurchase.answer(new WhichPostPurchasePathHasCheckoutIntent(INTENT, PublisherId.of("rival"))))
                .isEmpty();
    }
}
