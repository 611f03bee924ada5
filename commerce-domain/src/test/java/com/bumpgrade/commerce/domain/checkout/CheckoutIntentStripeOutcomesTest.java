package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.DisputePhase;
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
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/**
 * The trusted outcomes a verified Stripe webhook may record on a checkout intent: payment, asynchronous payment
 * failure, Stripe's session expiry, refunds and disputes, and the agent's expiry once money was received.
 */
class CheckoutIntentStripeOutcomesTest {

    /** A fixed clock value: every timestamp in these tests is derived from it. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant SESSION_EXPIRES_AT = NOW.plus(Duration.ofHours(24));
    private static final Instant OPENED_AT = NOW.plusSeconds(10);
    private static final Instant PAID_AT = NOW.plus(Duration.ofMinutes(5));
    private static final Instant FAILED_AT = NOW.plus(Duration.ofMinutes(6));
    private static final Instant STRIPE_EXPIRED_AT = NOW.plus(Duration.ofHours(24));
    private static final Instant AGENT_EXPIRED_AT = NOW.plus(Duration.ofMinutes(30));
    private static final Instant FIRST_REFUND_AT = NOW.plus(Duration.ofDays(1));
    private static final Instant SECOND_REFUND_AT = NOW.plus(Duration.ofDays(2));
    private static final Instant DISPUTE_OPENED_AT = NOW.plus(Duration.ofDays(3));
    private static final Instant DISPUTE_CLOSED_AT = NOW.plus(Duration.ofDays(10));

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final ActorId AGENT = ActorId.of("agent-7");
    private static final IdempotencyKey KEY = IdempotencyKey.of("idem-0001");
    private static final CheckoutIntentId ID = CheckoutIntentId.derive(PUBLISHER, AGENT, KEY);
    private static final OfferId LAUNCH_PASS = OfferId.of("offer_launch_pass");
    private static final Money TOTAL = Money.of(900, "USD");
    private static final List<CheckoutLine> LINES = List.of(
            new CheckoutLine(LAUNCH_PASS, "Bumpgrade launch pass", 1, TOTAL, false));
    private static final String FINGERPRINT = "fp-3f2a9c";

    private static final BillingContext AGENT_CONTEXT = new BillingContext(AGENT, "agent",
            ClientAttribution.of("claude-cli"), CorrelationId.of("corr-start"), KEY);
    private static final BillingContext EXPIRE_CONTEXT = new BillingContext(AGENT, "agent",
            ClientAttribution.of("claude-cli"), CorrelationId.of("corr-expire"), IdempotencyKey.of("idem-0002"));
    private static final BillingContext STRIPE_CONTEXT = BillingContext.system("stripe", CorrelationId.of("corr-stripe"));

    /** Each Stripe event has its own evidence; redeliveries of the same event share it. */
    private static final WebhookEvidenceId PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1PaidCompleted");
    private static final WebhookEvidenceId SECOND_PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1PaidAsync");
    private static final WebhookEvidenceId FAILED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1AsyncFailed");
    private static final WebhookEvidenceId EXPIRED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1SessionExpired");
    private static final WebhookEvidenceId FIRST_REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund1");
    private static final WebhookEvidenceId SECOND_REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund2");
    private static final WebhookEvidenceId DISPUTE_OPENED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1DspOpen");
    private static final WebhookEvidenceId DISPUTE_CLOSED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1DspClose");

    private static final String DISPUTE_REF = "dsp_0123456789abcdef01234567";
    private static final String OTHER_DISPUTE_REF = "dsp_fedcba9876543210fedcba98";

    private FixtureConfiguration<CheckoutIntent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CheckoutIntent.class);
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private static ConfirmCheckoutPayment confirm(Money amountPaid, CheckoutMode mode, boolean livemode) {
        return new ConfirmCheckoutPayment(ID, PAID_EVIDENCE, amountPaid, mode, livemode, PAID_AT);
    }

    private static ConfirmCheckoutPayment confirmMatching() {
        return confirm(TOTAL, CheckoutMode.PAYMENT, false);
    }

    private static RecordCheckoutPaymentFailed failPayment() {
        return new RecordCheckoutPaymentFailed(ID, FAILED_EVIDENCE, FAILED_AT);
    }

    private static RecordCheckoutSessionExpired stripeExpires() {
        return new RecordCheckoutSessionExpired(ID, EXPIRED_EVIDENCE, STRIPE_EXPIRED_AT);
    }

    private static RecordCheckoutRefund refund(WebhookEvidenceId evidence, Money refundedTotal, boolean fullyRefunded,
                                               Instant at) {
        return new RecordCheckoutRefund(ID, evidence, refundedTotal, fullyRefunded, at);
    }

    private static RecordCheckoutDispute openDispute(String ref) {
        return new RecordCheckoutDispute(ID, DISPUTE_OPENED_EVIDENCE, ref, DisputePhase.OPENED, "needs_response",
                TOTAL, DISPUTE_OPENED_AT);
    }

    private static RecordCheckoutDispute closeDispute(String ref) {
        return new RecordCheckoutDispute(ID, DISPUTE_CLOSED_EVIDENCE, ref, DisputePhase.CLOSED, "lost", TOTAL,
                DISPUTE_CLOSED_AT);
    }

    private static ExpireCheckout expire(PublisherId publisher, Long expectedVersion) {
        return new ExpireCheckout(ID, publisher, expectedVersion, EXPIRE_CONTEXT, AGENT_EXPIRED_AT);
    }

    // ---- events ---------------------------------------------------------------------------------------------

    private static CheckoutStarted checkoutStarted() {
        return new CheckoutStarted(ID, PUBLISHER, LAUNCH_PASS, CheckoutMode.PAYMENT, LINES, TOTAL, FINGERPRINT,
                AGENT_CONTEXT, NOW);
    }

    private static CheckoutSessionOpened sessionOpened() {
        return new CheckoutSessionOpened(ID, PUBLISHER, 1, SESSION_EXPIRES_AT, STRIPE_CONTEXT, OPENED_AT);
    }

    private static CheckoutExpired expiredByAgent() {
        return new CheckoutExpired(ID, PUBLISHER, ExpiryCause.AGENT_REQUEST, EXPIRE_CONTEXT, AGENT_EXPIRED_AT);
    }

    private static CheckoutPaid checkoutPaid() {
        return new CheckoutPaid(ID, PUBLISHER, PAID_EVIDENCE, TOTAL, PAID_AT);
    }

    private static CheckoutPaymentRejected paymentRejected(List<String> reasons, Money reported) {
        return new CheckoutPaymentRejected(ID, PUBLISHER, PAID_EVIDENCE, reasons, reported, PAID_AT);
    }

    private static CheckoutPaymentFailed paymentFailed() {
        return new CheckoutPaymentFailed(ID, PUBLISHER, FAILED_EVIDENCE, FAILED_AT);
    }

    private static CheckoutSessionExpired expiredByStripe() {
        return new CheckoutSessionExpired(ID, PUBLISHER, EXPIRED_EVIDENCE, STRIPE_EXPIRED_AT);
    }

    private static CheckoutRefunded partiallyRefunded300() {
        return new CheckoutRefunded(ID, PUBLISHER, FIRST_REFUND_EVIDENCE, usd(300), usd(300), false,
                FIRST_REFUND_AT);
    }

    private static CheckoutRefunded fullyRefundedAfter300() {
        return new CheckoutRefunded(ID, PUBLISHER, SECOND_REFUND_EVIDENCE, usd(900), usd(600), true,
                SECOND_REFUND_AT);
    }

    private static CheckoutDisputeOpened disputeOpened(String ref) {
        return new CheckoutDisputeOpened(ID, PUBLISHER, DISPUTE_OPENED_EVIDENCE, ref, "needs_response", TOTAL,
                DISPUTE_OPENED_AT);
    }

    private static CheckoutDisputeClosed disputeClosed(String ref) {
        return new CheckoutDisputeClosed(ID, PUBLISHER, DISPUTE_CLOSED_EVIDENCE, ref, "lost", TOTAL,
                DISPUTE_CLOSED_AT);
    }

    // ---- results and matchers -------------------------------------------------------------------------------

    private static StripeOutcome outcome(StripeOutcome.Result result, String reason) {
        return new StripeOutcome(PUBLISHER, result, reason);
    }

    private static Money usd(long amountMinor) {
        return Money.of(amountMinor, "USD");
    }

    /** Matches the "retry me later" signal naming this intent and its publisher, so the evidence can be attributed. */
    private static Matcher<Object> paymentNotYetRecorded() {
        return new CustomMatcher<>("PaymentNotYetRecorded for " + ID + " of " + PUBLISHER) {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof PaymentNotYetRecorded p
                        && PUBLISHER.equals(p.publisherId())
                        && ID.equals(p.checkoutIntentId());
            }
        };
    }

    // ---- ConfirmCheckoutPayment -----------------------------------------------------------------------------

    @Nested
    class ConfirmCheckoutPaymentCommand {

        @Test
        void matchingPaymentOfAnOpenCheckoutIsRecorded() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutPaid())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "paid"));
        }

        @Test
        void paymentArrivingAfterStripeExpiredTheSessionIsStillRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByStripe())
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutPaid())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "paid"));
        }

        @Test
        void paymentArrivingAfterTheAgentExpiredTheCheckoutIsStillRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByAgent())
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutPaid())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "paid"));
        }

        @Test
        void paymentArrivingAfterAnAsyncFailureIsStillRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), paymentFailed())
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutPaid())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "paid"));
        }

        @Test
        void secondPaymentIsAlreadyRecordedAndChangesNothing() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(new ConfirmCheckoutPayment(ID, SECOND_PAID_EVIDENCE, TOTAL, CheckoutMode.PAYMENT, false,
                            PAID_AT.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_paid"));
        }

        @Test
        void redeliveredPaymentIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .andGivenCommands(confirmMatching())
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_paid"));
        }

        @Test
        void mismatchingPaymentAfterPaidIsAlreadyRecordedNotRejected() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(confirm(usd(1), CheckoutMode.SUBSCRIPTION, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_paid"));
        }

        @Test
        void paymentAfterAFullRefundIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            fullyRefundedAfter300())
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_paid"));
        }

        @Test
        void differentAmountIsRejected() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirm(usd(800), CheckoutMode.PAYMENT, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentRejected(List.of("amount_mismatch"), usd(800)))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED, "amount_mismatch"));
        }

        @Test
        void differentCurrencyIsRejected() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirm(Money.of(900, "EUR"), CheckoutMode.PAYMENT, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentRejected(List.of("currency_mismatch"), Money.of(900, "EUR")))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED, "currency_mismatch"));
        }

        @Test
        void differentCurrencyAndAmountIsReportedAsACurrencyMismatchOnly() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirm(Money.of(800, "EUR"), CheckoutMode.PAYMENT, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentRejected(List.of("currency_mismatch"), Money.of(800, "EUR")))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED, "currency_mismatch"));
        }

        @Test
        void differentModeIsRejected() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirm(TOTAL, CheckoutMode.SUBSCRIPTION, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentRejected(List.of("mode_mismatch"), TOTAL))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED, "mode_mismatch"));
        }

        @Test
        void liveModePaymentIsRejected() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirm(TOTAL, CheckoutMode.PAYMENT, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentRejected(List.of("livemode_mismatch"), TOTAL))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED, "livemode_mismatch"));
        }

        @Test
        void everyMismatchIsListedInOrder() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(confirm(usd(100), CheckoutMode.SUBSCRIPTION, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentRejected(List.of("amount_mismatch", "mode_mismatch", "livemode_mismatch"),
                            usd(100)))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED,
                            "amount_mismatch,mode_mismatch,livemode_mismatch"));
        }

        @Test
        void theSameRejectedEvidenceProcessedAgainIsNotRejectedTwice() {
            fixture.given(checkoutStarted(), sessionOpened(), paymentRejected(List.of("amount_mismatch"), usd(800)))
                    .when(confirm(usd(800), CheckoutMode.PAYMENT, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_rejected"));
        }

        @Test
        void rejectedPaymentLeavesTheCheckoutUnpaidSoAMatchingOneIsStillRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), new CheckoutPaymentRejected(ID, PUBLISHER,
                            SECOND_PAID_EVIDENCE, List.of("amount_mismatch"), usd(800), PAID_AT))
                    .when(confirmMatching())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutPaid())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "paid"));
        }

        @Test
        void rejectedPaymentLeavesTheCheckoutExpirableByTheAgent() {
            fixture.given(checkoutStarted(), sessionOpened(), paymentRejected(List.of("livemode_mismatch"), TOTAL))
                    .when(expire(PUBLISHER, 2L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expiredByAgent())
                    .expectResultMessagePayload(CheckoutStatus.EXPIRED);
        }
    }

    // ---- RecordCheckoutPaymentFailed ------------------------------------------------------------------------

    @Nested
    class RecordCheckoutPaymentFailedCommand {

        @Test
        void asyncFailureOfAnOpenCheckoutIsRecorded() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(failPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentFailed())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "failed"));
        }

        @Test
        void failureAfterPaymentIsStale() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(failPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_paid"));
        }

        @Test
        void failureAfterAFullRefundIsStale() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            fullyRefundedAfter300())
                    .when(failPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_refunded"));
        }

        @Test
        void failureAfterStripeExpiredTheSessionIsStale() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByStripe())
                    .when(failPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_expired"));
        }

        @Test
        void failureRecordedTwiceIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), paymentFailed())
                    .when(failPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_failed"));
        }

        @Test
        void failedCheckoutCanNoLongerBeExpiredByTheAgent() {
            fixture.given(checkoutStarted(), sessionOpened(), paymentFailed())
                    .when(expire(PUBLISHER, 2L))
                    .expectException(violation("checkout_failed"))
                    .expectNoEvents();
        }
    }

    // ---- RecordCheckoutSessionExpired -----------------------------------------------------------------------

    @Nested
    class RecordCheckoutSessionExpiredCommand {

        @Test
        void stripeExpiryOfAnOpenCheckoutIsRecorded() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(stripeExpires())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expiredByStripe())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "expired"));
        }

        @Test
        void expiryAfterPaymentIsStale() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(stripeExpires())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_paid"));
        }

        @Test
        void expiryAfterAFullRefundIsStale() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            fullyRefundedAfter300())
                    .when(stripeExpires())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_refunded"));
        }

        @Test
        void expiryAfterAnAsyncFailureIsStale() {
            fixture.given(checkoutStarted(), sessionOpened(), paymentFailed())
                    .when(stripeExpires())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_failed"));
        }

        @Test
        void expiryRecordedTwiceIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByStripe())
                    .when(stripeExpires())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_expired"));
        }

        @Test
        void stripeExpiryAfterTheAgentExpiredItIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByAgent())
                    .when(stripeExpires())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "already_expired"));
        }

        @Test
        void agentExpiryAfterStripeExpiredItChangesNothing() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByStripe())
                    .when(expire(PUBLISHER, 2L))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(CheckoutStatus.EXPIRED);
        }
    }

    // ---- RecordCheckoutRefund -------------------------------------------------------------------------------

    @Nested
    class RecordCheckoutRefundCommand {

        @Test
        void refundBeforeThePaymentIsRecordedAsksForARetry() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(refund(FIRST_REFUND_EVIDENCE, usd(300), false, FIRST_REFUND_AT))
                    .expectException(paymentNotYetRecorded())
                    .expectNoEvents();
        }

        @Test
        void refundOfAnExpiredUnpaidCheckoutAsksForARetry() {
            fixture.given(checkoutStarted(), sessionOpened(), expiredByStripe())
                    .when(refund(FIRST_REFUND_EVIDENCE, TOTAL, true, FIRST_REFUND_AT))
                    .expectException(paymentNotYetRecorded())
                    .expectNoEvents();
        }

        @Test
        void partialRefundIsRecordedWithItsDelta() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(refund(FIRST_REFUND_EVIDENCE, usd(300), false, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(partiallyRefunded300())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "partially_refunded"));
        }

        @Test
        void fullRefundAfterAPartialOneRecordsOnlyTheRemainder() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300())
                    .when(refund(SECOND_REFUND_EVIDENCE, usd(900), true, SECOND_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(fullyRefundedAfter300())
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "refunded"));
        }

        @Test
        void partialThenFullRefundThroughTheCommandsEndsRefunded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .andGivenCommands(refund(FIRST_REFUND_EVIDENCE, usd(300), false, FIRST_REFUND_AT),
                            refund(SECOND_REFUND_EVIDENCE, usd(900), true, SECOND_REFUND_AT))
                    .when(expire(PUBLISHER, 4L))
                    .expectException(violation("checkout_refunded"))
                    .expectNoEvents();
        }

        @Test
        void secondPartialRefundRecordsTheDeltaAndStaysPartial() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300())
                    .when(refund(SECOND_REFUND_EVIDENCE, usd(500), false, SECOND_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CheckoutRefunded(ID, PUBLISHER, SECOND_REFUND_EVIDENCE, usd(500), usd(200),
                            false, SECOND_REFUND_AT))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "partially_refunded"));
        }

        @Test
        void partiallyRefundedCheckoutIsStillPaid() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300())
                    .when(expire(PUBLISHER, 3L))
                    .expectException(violation("checkout_paid"))
                    .expectNoEvents();
        }

        @Test
        void partiallyRefundedCheckoutIgnoresALateFailureAsPaid() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300())
                    .when(failPayment())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.STALE, "already_paid"));
        }

        @Test
        void redeliveredRefundIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300())
                    .when(refund(FIRST_REFUND_EVIDENCE, usd(300), false, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "refund_already_recorded"));
        }

        @Test
        void olderCumulativeRefundArrivingLateIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            new CheckoutRefunded(ID, PUBLISHER, SECOND_REFUND_EVIDENCE, usd(500), usd(200), false,
                                    SECOND_REFUND_AT))
                    .when(refund(FIRST_REFUND_EVIDENCE, usd(300), false, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "refund_already_recorded"));
        }

        @Test
        void partialRefundArrivingAfterTheFullOneIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(),
                            new CheckoutRefunded(ID, PUBLISHER, SECOND_REFUND_EVIDENCE, usd(900), usd(900), true,
                                    SECOND_REFUND_AT))
                    .when(refund(FIRST_REFUND_EVIDENCE, usd(300), false, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "refund_already_recorded"));
        }

        @Test
        void refundInAnotherCurrencyIsRejected() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(refund(FIRST_REFUND_EVIDENCE, Money.of(300, "EUR"), false, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.REJECTED, "currency_mismatch"));
        }

        @Test
        void refundOfTheWholeAmountIsFullEvenWithoutTheFlag() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(refund(FIRST_REFUND_EVIDENCE, TOTAL, false, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CheckoutRefunded(ID, PUBLISHER, FIRST_REFUND_EVIDENCE, TOTAL, TOTAL, true,
                            FIRST_REFUND_AT))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "refunded"));
        }

        @Test
        void refundOfTheWholeAmountWithoutTheFlagLeavesTheCheckoutRefunded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .andGivenCommands(refund(FIRST_REFUND_EVIDENCE, TOTAL, false, FIRST_REFUND_AT))
                    .when(expire(PUBLISHER, 3L))
                    .expectException(violation("checkout_refunded"))
                    .expectNoEvents();
        }

        @Test
        void refundFlaggedFullByStripeIsFullWhateverTheAmount() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(refund(FIRST_REFUND_EVIDENCE, usd(300), true, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CheckoutRefunded(ID, PUBLISHER, FIRST_REFUND_EVIDENCE, usd(300), usd(300), true,
                            FIRST_REFUND_AT))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "refunded"));
        }

        @Test
        void redeliveredFullRefundIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            fullyRefundedAfter300())
                    .when(refund(SECOND_REFUND_EVIDENCE, usd(900), true, SECOND_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "refund_already_recorded"));
        }
    }

    // ---- RecordCheckoutDispute ------------------------------------------------------------------------------

    @Nested
    class RecordCheckoutDisputeCommand {

        @Test
        void disputeOfAPaidCheckoutIsOpened() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeOpened(DISPUTE_REF))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "dispute_opened"));
        }

        @Test
        void openDisputeIsClosed() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), disputeOpened(DISPUTE_REF))
                    .when(closeDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeClosed(DISPUTE_REF))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "dispute_closed"));
        }

        @Test
        void disputeOpenedTwiceIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), disputeOpened(DISPUTE_REF))
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "dispute_already_recorded"));
        }

        @Test
        void lateOpeningOfAClosedDisputeIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), disputeOpened(DISPUTE_REF),
                            disputeClosed(DISPUTE_REF))
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "dispute_already_recorded"));
        }

        @Test
        void disputeClosedTwiceIsAlreadyClosed() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), disputeOpened(DISPUTE_REF),
                            disputeClosed(DISPUTE_REF))
                    .when(closeDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "dispute_already_closed"));
        }

        @Test
        void closingArrivingBeforeTheOpeningIsApplied() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(closeDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeClosed(DISPUTE_REF))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "dispute_closed"));
        }

        @Test
        void openingArrivingAfterAnEarlyClosingIsAlreadyRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), disputeClosed(DISPUTE_REF))
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.ALREADY, "dispute_already_recorded"));
        }

        @Test
        void anotherDisputeOnTheSamePaymentIsOpenedSeparately() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), disputeOpened(DISPUTE_REF))
                    .when(openDispute(OTHER_DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeOpened(OTHER_DISPUTE_REF))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "dispute_opened"));
        }

        @Test
        void disputeOfARefundedCheckoutIsStillRecorded() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            fullyRefundedAfter300())
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeOpened(DISPUTE_REF))
                    .expectResultMessagePayload(outcome(StripeOutcome.Result.APPLIED, "dispute_opened"));
        }

        @Test
        void disputeOpenedBeforeThePaymentIsRecordedAsksForARetry() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(openDispute(DISPUTE_REF))
                    .expectException(paymentNotYetRecorded())
                    .expectNoEvents();
        }

        @Test
        void disputeClosedBeforeThePaymentIsRecordedAsksForARetry() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .when(closeDispute(DISPUTE_REF))
                    .expectException(paymentNotYetRecorded())
                    .expectNoEvents();
        }
    }

    // ---- ExpireCheckout once money was received -------------------------------------------------------------

    @Nested
    class ExpireCheckoutAfterPayment {

        @Test
        void paidCheckoutCanNoLongerBeExpired() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(expire(PUBLISHER, 2L))
                    .expectException(violation("checkout_paid"))
                    .expectNoEvents();
        }

        @Test
        void paidCheckoutThroughTheCommandCanNoLongerBeExpired() {
            fixture.given(checkoutStarted(), sessionOpened())
                    .andGivenCommands(confirmMatching())
                    .when(expire(PUBLISHER, 2L))
                    .expectException(violation("checkout_paid"))
                    .expectNoEvents();
        }

        @Test
        void refundedCheckoutCanNoLongerBeExpired() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid(), partiallyRefunded300(),
                            fullyRefundedAfter300())
                    .when(expire(PUBLISHER, 4L))
                    .expectException(violation("checkout_refunded"))
                    .expectNoEvents();
        }

        @Test
        void staleVersionIsReportedBeforeThePaidRefusal() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(expire(PUBLISHER, 1L))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherStillSeesNothingOfAPaidCheckout() {
            fixture.given(checkoutStarted(), sessionOpened(), checkoutPaid())
                    .when(expire(OTHER_PUBLISHER, 2L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }
    }
}
