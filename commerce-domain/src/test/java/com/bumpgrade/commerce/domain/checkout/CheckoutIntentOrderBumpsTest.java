package com.bumpgrade.commerce.domain.checkout;

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
 * Order bumps ride only on a main offer that lists them; buyer-choice bumps are bought only when the buyer took
 * them.
 */
class CheckoutIntentOrderBumpsTest {
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final Instant PAID_AT = NOW.plusSeconds(600);
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final ActorId AGENT = ActorId.of("agent-7");
    private static final IdempotencyKey KEY = IdempotencyKey.of("idem-bumps");
    private static final CheckoutIntentId ID = CheckoutIntentId.derive(PUBLISHER, AGENT, KEY);
    private static final BillingContext CONTEXT = new BillingContext(AGENT, "agent", ClientAttribution.of("test/1"),
            CorrelationId.of("corr-bumps"), KEY);
    private static final OfferId PASS = OfferId.of("launch-pass");
    private static final OfferId TEMPLATES = OfferId.of("launch-templates");
    private static final OfferId KIT = OfferId.of("launch-kit");
    private static final CheckoutLine PASS_LINE = new CheckoutLine(PASS, "Bumpgrade launch pass", 1,
            Money.of(900, "USD"), false);
    private static final CheckoutLine TEMPLATES_LINE = new CheckoutLine(TEMPLATES, "Bumpgrade launch templates", 1,
            Money.of(500, "USD"), true);
    private static final CheckoutLine KIT_LINE = new CheckoutLine(KIT, "Launch kit", 1, Money.of(300, "USD"), true);
    private static final List<CheckoutLine> LINES = List.of(PASS_LINE, TEMPLATES_LINE, KIT_LINE);
    private static final WebhookEvidenceId EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_bumps_paid");
    private static final WebhookEvidenceId LATER = WebhookEvidenceId.forStripeEvent("evt_bumps_later");

    private FixtureConfiguration<CheckoutIntent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CheckoutIntent.class);
    }

    private static StartCheckout start(List<OfferId> offered, OrderBumpMode mode, Money total) {
        return new StartCheckout(ID, PUBLISHER, PASS, CheckoutMode.PAYMENT, LINES, total, "fp", CONTEXT, NOW, null,
                false, offered, mode);
    }

    private static CheckoutStarted started(OrderBumpMode mode, Money total) {
        return new CheckoutStarted(ID, PUBLISHER, PASS, CheckoutMode.PAYMENT, LINES, total, "fp", CONTEXT, NOW, false,
                mode);
    }

    private static ConfirmCheckoutPayment pay(WebhookEvidenceId evidence, long amount, List<OfferId> bought) {
        return new ConfirmCheckoutPayment(ID, evidence, Money.of(amount, "USD"), CheckoutMode.PAYMENT, false, PAID_AT,
                bought);
    }

    @Nested
    class OfferedBumps {
        @Test
        void bumpsTheMainOfferListsArePreselectedAsToday() {
            fixture.givenNoPriorActivity()
                    .when(start(List.of(TEMPLATES, KIT), OrderBumpMode.PRESELECTED, Money.of(1700, "USD")))
                    .expectEvents(started(OrderBumpMode.PRESELECTED, Money.of(1700, "USD")));
        }

        @Test
        void aBumpTheMainOfferDoesNotListIsRefusedAndNothingIsRecorded() {
            fixture.givenNoPriorActivity()
                    .when(start(List.of(TEMPLATES), OrderBumpMode.PRESELECTED, Money.of(1700, "USD")))
                    .expectException(violation("order_bump_not_offered")).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(start(List.of(), OrderBumpMode.BUYER_CHOICE, Money.of(900, "USD")))
                    .expectException(violation("order_bump_not_offered")).expectNoEvents();
        }
    }

    @Nested
    class BuyerChoice {
        private final CheckoutStarted offering = started(OrderBumpMode.BUYER_CHOICE, Money.of(900, "USD"));

        @Test
        void theBumpsTheBuyerTookAreRecordedThenPaid() {
            fixture.given(offering).when(pay(EVIDENCE, 1400, List.of(TEMPLATES)))
                    .expectEvents(new CheckoutItemsBought(ID, PUBLISHER, EVIDENCE, List.of(PASS_LINE, TEMPLATES_LINE),
                                    Money.of(1400, "USD"), PAID_AT),
                            new CheckoutPaid(ID, PUBLISHER, EVIDENCE, Money.of(1400, "USD"), PAID_AT));
        }

        @Test
        void aBuyerWhoTookNoBumpBoughtTheMainLineOnly() {
            fixture.given(offering).when(pay(EVIDENCE, 900, List.of()))
                    .expectEvents(new CheckoutItemsBought(ID, PUBLISHER, EVIDENCE, List.of(PASS_LINE),
                                    Money.of(900, "USD"), PAID_AT),
                            new CheckoutPaid(ID, PUBLISHER, EVIDENCE, Money.of(900, "USD"), PAID_AT));
        }

        @Test
        void aLineThatWasNotOfferedIsNotBought() {
            fixture.given(offering).when(pay(EVIDENCE, 900, List.of(OfferId.of("elsewhere"))))
                    .expectEvents(new CheckoutItemsBought(ID, PUBLISHER, EVIDENCE, List.of(PASS_LINE),
                                    Money.of(900, "USD"), PAID_AT),
                            new CheckoutPaid(ID, PUBLISHER, EVIDENCE, Money.of(900, "USD"), PAID_AT));
        }

        @Test
        void thePaymentMustMatchTheBoughtLines() {
            fixture.given(offering).when(pay(EVIDENCE, 1700, List.of(TEMPLATES)))
                    .expectEvents(new CheckoutItemsBought(ID, PUBLISHER, EVIDENCE, List.of(PASS_LINE, TEMPLATES_LINE),
                                    Money.of(1400, "USD"), PAID_AT),
                            new CheckoutPaymentRejected(ID, PUBLISHER, EVIDENCE, List.of("amount_mismatch"),
                                    Money.of(1700, "USD"), PAID_AT));
        }

        @Test
        void whatWasBoughtIsRecordedOnceAndAPaidCheckoutIsPaidOnce() {
            CheckoutItemsBought bought = new CheckoutItemsBought(ID, PUBLISHER, EVIDENCE,
                    List.of(PASS_LINE, TEMPLATES_LINE), Money.of(1400, "USD"), PAID_AT);
            fixture.given(offering, bought, new CheckoutPaid(ID, PUBLISHER, EVIDENCE, Money.of(1400, "USD"), PAID_AT))
                    .when(pay(LATER, 1700, List.of(TEMPLATES, KIT))).expectNoEvents()
                    .expectResultMessagePayload(new StripeOutcome(PUBLISHER, StripeOutcome.Result.ALREADY,
                            "already_paid"));
            // a rejected payment keeps the first reading: a later delivery is checked against the same lines
            fixture.given(offering, bought)
                    .when(pay(LATER, 1400, List.of(TEMPLATES, KIT)))
                    .expectEvents(new CheckoutPaid(ID, PUBLISHER, LATER, Money.of(1400, "USD"), PAID_AT));
        }

        @Test
        void aPreselectedCheckoutIgnoresAReading() {
            fixture.given(started(OrderBumpMode.PRESELECTED, Money.of(1700, "USD")))
                    .when(pay(EVIDENCE, 1700, List.of()))
                    .expectEvents(new CheckoutPaid(ID, PUBLISHER, EVIDENCE, Money.of(1700, "USD"), PAID_AT));
        }
    }
}
