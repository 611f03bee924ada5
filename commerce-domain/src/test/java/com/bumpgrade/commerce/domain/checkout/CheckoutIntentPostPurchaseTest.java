package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.PostPurchaseStep;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/**
 * Post-purchase decision evidence on a paid checkout (issue 9 item 3): upsell shown, then accepted or declined;
 * a decline leads to the downsell; each refusal named. The path of the first decision stays the intent's.
 */
class CheckoutIntentPostPurchaseTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final ActorId AGENT = ActorId.of("agent-1");
    private static final IdempotencyKey KEY = IdempotencyKey.of("idem-pp");
    private static final CheckoutIntentId ID = CheckoutIntentId.derive(PUBLISHER, AGENT, KEY);
    private static final OfferId MAIN = OfferId.of("launch-pass");
    private static final OfferId UPSELL = OfferId.of("launch-coaching");
    private static final OfferId DOWNSELL = OfferId.of("launch-workbook");
    private static final Money TOTAL = Money.of(900, "USD");
    private static final BillingContext CONTEXT = new BillingContext(AGENT, "agent", ClientAttribution.of("test/1"),
            CorrelationId.of("corr-pp"), KEY);
    private static final PostPurchaseStep UPSELL_STEP = new PostPurchaseStep(1, UPSELL, OfferRole.UPSELL,
            "Launch coaching", CatalogPrice.of(PUBLISHER, UPSELL, Money.of(1900, "USD"), null, null), 2);
    private static final PostPurchaseStep DOWNSELL_STEP = new PostPurchaseStep(2, DOWNSELL, OfferRole.DOWNSELL,
            "Launch workbook", CatalogPrice.of(PUBLISHER, DOWNSELL, Money.of(700, "USD"), null, null), null);
    private static final List<PostPurchaseStep> PATH = List.of(UPSELL_STEP, DOWNSELL_STEP);
    private static final String ACCEPT_UPSELL = "Accept upsell Launch coaching at 19.00 USD";
    private static final String ACCEPT_DOWNSELL = "Accept downsell Launch workbook at 7.00 USD";

    private FixtureConfiguration<CheckoutIntent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CheckoutIntent.class);
    }

    private static final CheckoutStarted STARTED = new CheckoutStarted(ID, PUBLISHER, MAIN, CheckoutMode.PAYMENT,
            List.of(new CheckoutLine(MAIN, "Bumpgrade launch pass", 1, TOTAL, false)), TOTAL, "fp", CONTEXT, NOW);
    private static final CheckoutSessionOpened OPENED = new CheckoutSessionOpened(ID, PUBLISHER, 1, NOW.plusSeconds(3600),
            CONTEXT, NOW);
    private static final CheckoutPaid PAID = new CheckoutPaid(ID, PUBLISHER,
            WebhookEvidenceId.forStripeEvent("evt_1Paid"), TOTAL, NOW);

    private static RecordPostPurchaseDecision decide(long version, OfferId offer, PostPurchaseDecision decision,
                                                     String phrase) {
        return decide(version, PATH, offer, decision, phrase);
    }

    private static RecordPostPurchaseDecision decide(long version, List<PostPurchaseStep> path, OfferId offer,
                                                     PostPurchaseDecision decision, String phrase) {
        return new RecordPostPurchaseDecision(ID, PUBLISHER, version, path, offer, decision, phrase, CONTEXT, NOW);
    }

    private static PostPurchaseDecisionRecorded recorded(PostPurchaseStep step, PostPurchaseDecision decision) {
        return new PostPurchaseDecisionRecorded(ID, PUBLISHER, PATH, step, decision, CONTEXT, NOW);
    }

    private static final PostPurchaseDecisionRecorded UPSELL_SHOWN = recorded(UPSELL_STEP, PostPurchaseDecision.SHOWN);
    private static final PostPurchaseDecisionRecorded UPSELL_DECLINED =
            recorded(UPSELL_STEP, PostPurchaseDecision.DECLINED);
    private static final PostPurchaseDecisionRecorded DOWNSELL_SHOWN =
            recorded(DOWNSELL_STEP, PostPurchaseDecision.SHOWN);

    @Nested
    class Accepted {
        @Test
        void theUpsellIsShownOnAPaidCheckout() {
            fixture.given(STARTED, OPENED, PAID).when(decide(2, UPSELL, PostPurchaseDecision.SHOWN, null))
                    .expectEvents(UPSELL_SHOWN);
        }

        @Test
        void theShownUpsellIsAcceptedWithThePhraseNamingItsPrice() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN)
                    .when(decide(3, UPSELL, PostPurchaseDecision.ACCEPTED, ACCEPT_UPSELL))
                    .expectEvents(recorded(UPSELL_STEP, PostPurchaseDecision.ACCEPTED));
        }

        @Test
        void aDeclinedUpsellLeadsToTheDownsell() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN)
                    .when(decide(3, UPSELL, PostPurchaseDecision.DECLINED, null)).expectEvents(UPSELL_DECLINED);
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN, UPSELL_DECLINED)
                    .when(decide(4, DOWNSELL, PostPurchaseDecision.SHOWN, null)).expectEvents(DOWNSELL_SHOWN);
        }

        @Test
        void theShownDownsellIsAccepted() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN, UPSELL_DECLINED, DOWNSELL_SHOWN)
                    .when(decide(5, DOWNSELL, PostPurchaseDecision.ACCEPTED, ACCEPT_DOWNSELL))
                    .expectEvents(recorded(DOWNSELL_STEP, PostPurchaseDecision.ACCEPTED));
        }

        @Test
        void thePathOfTheFirstDecisionStaysWhateverTheCatalogueSaysLater() {
            // the catalogue dropped the downsell meanwhile: the intent still follows its own path
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN, UPSELL_DECLINED)
                    .when(decide(4, List.of(), DOWNSELL, PostPurchaseDecision.SHOWN, null))
                    .expectEvents(DOWNSELL_SHOWN);
        }
    }

    @Nested
    class Refused {
        @Test
        void anIntentThatIsNotPaid() {
            fixture.given(STARTED, OPENED).when(decide(1, UPSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("checkout_not_paid")).expectNoEvents();
        }

        @Test
        void aFullyRefundedIntent() {
            fixture.given(STARTED, OPENED, PAID, new CheckoutRefunded(ID, PUBLISHER,
                            WebhookEvidenceId.forStripeEvent("evt_1Refund"), TOTAL, TOTAL, true, NOW))
                    .when(decide(3, UPSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("checkout_not_paid")).expectNoEvents();
        }

        @Test
        void anOfferNotOnThePath() {
            fixture.given(STARTED, OPENED, PAID).when(decide(2, MAIN, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("offer_not_on_path")).expectNoEvents();
        }

        @Test
        void anyOfferWhenTheMainOfferHasNoPath() {
            fixture.given(STARTED, OPENED, PAID).when(decide(2, List.of(), UPSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("offer_not_on_path")).expectNoEvents();
        }

        @Test
        void theDownsellBeforeTheUpsellIsDeclined() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN)
                    .when(decide(3, DOWNSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("post_purchase_out_of_order")).expectNoEvents();
        }

        @Test
        void theDownsellAfterTheUpsellWasAccepted() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN, recorded(UPSELL_STEP, PostPurchaseDecision.ACCEPTED))
                    .when(decide(4, DOWNSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("post_purchase_out_of_order")).expectNoEvents();
        }

        @Test
        void anAnswerBeforeTheOfferWasShown() {
            fixture.given(STARTED, OPENED, PAID).when(decide(2, UPSELL, PostPurchaseDecision.DECLINED, null))
                    .expectException(violation("post_purchase_not_shown")).expectNoEvents();
        }

        @Test
        void aSecondAnswerOnTheSameStep() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN, UPSELL_DECLINED)
                    .when(decide(4, UPSELL, PostPurchaseDecision.ACCEPTED, ACCEPT_UPSELL))
                    .expectException(violation("post_purchase_step_decided")).expectNoEvents();
        }

        @Test
        void theSameOfferShownTwice() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN).when(decide(3, UPSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("post_purchase_step_decided")).expectNoEvents();
        }

        @Test
        void anAcceptanceWithoutTheExactPhrase() {
            fixture.given(STARTED, OPENED, PAID, UPSELL_SHOWN)
                    .when(decide(3, UPSELL, PostPurchaseDecision.ACCEPTED, "Accept upsell Launch coaching"))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void aStaleVersion() {
            fixture.given(STARTED, OPENED, PAID).when(decide(1, UPSELL, PostPurchaseDecision.SHOWN, null))
                    .expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void anotherPublishersIntent() {
            fixture.given(STARTED, OPENED, PAID).when(new RecordPostPurchaseDecision(ID, PublisherId.of("rival"), 2L,
                            PATH, UPSELL, PostPurchaseDecision.SHOWN, null, CONTEXT, NOW))
                    .expectException(violation("not_found")).expectNoEvents();
        }
    }
}
