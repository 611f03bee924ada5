package com.bumpgrade.commerce.domain.checkout;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

class CheckoutIntentTest {

    /** A fixed clock value: every timestamp in these tests is derived from it. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant SESSION_EXPIRES_AT = NOW.plus(Duration.ofHours(24));

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final ActorId AGENT = ActorId.of("agent-7");
    private static final IdempotencyKey KEY = IdempotencyKey.of("idem-0001");
    private static final CheckoutIntentId ID = CheckoutIntentId.derive(PUBLISHER, AGENT, KEY);
    private static final OfferId LAUNCH_PASS = OfferId.of("offer_launch_pass");
    private static final List<CheckoutLine> LINES = List.of(
            new CheckoutLine(LAUNCH_PASS, "Bumpgrade launch pass", 1, Money.of(900, "USD"), false));
    private static final Money TOTAL = Money.of(900, "USD");
    private static final String FINGERPRINT = "fp-3f2a9c";

    private static final BillingContext AGENT_CONTEXT = new BillingContext(AGENT, "agent",
            ClientAttribution.of("claude-cli"), CorrelationId.of("corr-start"), KEY);
    private static final BillingContext EXPIRE_CONTEXT = new BillingContext(AGENT, "agent",
            ClientAttribution.of("claude-cli"), CorrelationId.of("corr-expire"), IdempotencyKey.of("idem-0002"));
    private static final BillingContext STRIPE_CONTEXT = BillingContext.system("stripe", CorrelationId.of("corr-stripe"));

    private FixtureConfiguration<CheckoutIntent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CheckoutIntent.class);
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private static StartCheckout startCheckout(String fingerprint) {
        return startCheckout(fingerprint, LINES);
    }

    private static StartCheckout startCheckout(String fingerprint, List<CheckoutLine> lines) {
        return new StartCheckout(ID, PUBLISHER, LAUNCH_PASS, CheckoutMode.PAYMENT, lines, TOTAL, fingerprint,
                AGENT_CONTEXT, NOW);
    }

    private static RecordCheckoutSessionOpened openSession(int attempt) {
        return new RecordCheckoutSessionOpened(ID, attempt, SESSION_EXPIRES_AT, STRIPE_CONTEXT, openedAt(attempt));
    }

    private static RecordCheckoutSessionFailed failSession(int attempt, SessionFailure failure) {
        return new RecordCheckoutSessionFailed(ID, attempt, failure, STRIPE_CONTEXT, failedAt(attempt));
    }

    private static ExpireCheckout expire(PublisherId publisher, Long expectedVersion) {
        return new ExpireCheckout(ID, publisher, expectedVersion, EXPIRE_CONTEXT, NOW.plus(Duration.ofMinutes(30)));
    }

    // ---- events ---------------------------------------------------------------------------------------------

    private static CheckoutStarted checkoutStarted() {
        return new CheckoutStarted(ID, PUBLISHER, LAUNCH_PASS, CheckoutMode.PAYMENT, LINES, TOTAL, FINGERPRINT,
                AGENT_CONTEXT, NOW);
    }

    private static CheckoutSessionOpened sessionOpened(int attempt) {
        return new CheckoutSessionOpened(ID, PUBLISHER, attempt, SESSION_EXPIRES_AT, STRIPE_CONTEXT, openedAt(attempt));
    }

    private static CheckoutSessionFailed sessionFailed(int attempt, SessionFailure failure) {
        return new CheckoutSessionFailed(ID, PUBLISHER, attempt, failure, STRIPE_CONTEXT, failedAt(attempt));
    }

    private static CheckoutExpired checkoutExpired() {
        return new CheckoutExpired(ID, PUBLISHER, ExpiryCause.AGENT_REQUEST, EXPIRE_CONTEXT,
                NOW.plus(Duration.ofMinutes(30)));
    }

    private static Instant openedAt(int attempt) {
        return NOW.plusSeconds(10L * attempt);
    }

    private static Instant failedAt(int attempt) {
        return NOW.plusSeconds(10L * attempt + 5);
    }

    // ---- StartCheckout --------------------------------------------------------------------------------------

    @Nested
    class StartCheckoutCommand {

        @Test
        void newIntentIsStartedAndAsksForTheFirstAttempt() {
            fixture.givenNoPriorActivity()
                    .when(startCheckout(FINGERPRINT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutStarted())
                    .expectResultMessagePayload(new CheckoutProgress(ID, CheckoutStatus.STARTED, 1, true));
        }

        @Test
        void sameRequestAgainChangesNothingAndReplaysTheProgress() {
            fixture.given(checkoutStarted())
                    .when(startCheckout(FINGERPRINT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CheckoutProgress(ID, CheckoutStatus.STARTED, 1, false));
        }

        @Test
        void sameRequestAfterAFailedAttemptAsksForTheNextAttempt() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT))
                    .when(startCheckout(FINGERPRINT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CheckoutProgress(ID, CheckoutStatus.SESSION_FAILED, 2, false));
        }

        @Test
        void sameRequestAfterTheSessionOpenedReportsOpen() {
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(startCheckout(FINGERPRINT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CheckoutProgress(ID, CheckoutStatus.OPEN, 1, false));
        }

        @Test
        void sameRequestAfterExpiryReportsExpiredWithoutRestarting() {
            fixture.given(checkoutStarted(), checkoutExpired())
                    .when(startCheckout(FINGERPRINT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CheckoutProgress(ID, CheckoutStatus.EXPIRED, 1, false));
        }

        @Test
        void differentRequestUnderTheSameKeyIsRefused() {
            fixture.given(checkoutStarted())
                    .when(startCheckout("fp-different"))
                    .expectException(violation("idempotency_key_reused"))
                    .expectNoEvents();
        }

        @Test
        void differentRequestUnderTheSameKeyIsRefusedEvenAfterExpiry() {
            fixture.given(checkoutStarted(), checkoutExpired())
                    .when(startCheckout("fp-different"))
                    .expectException(violation("idempotency_key_reused"))
                    .expectNoEvents();
        }

        @Test
        void checkoutWithoutLinesIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(startCheckout(FINGERPRINT, List.of()))
                    .expectException(violation("empty_checkout"))
                    .expectNoEvents();
        }
    }

    // ---- RecordCheckoutSessionOpened ------------------------------------------------------------------------

    @Nested
    class RecordCheckoutSessionOpenedCommand {

        @Test
        void firstAttemptOpensTheSessionWithTheWebhookContext() {
            fixture.given(checkoutStarted())
                    .when(openSession(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sessionOpened(1));
        }

        @Test
        void sameAttemptRecordedTwiceIsANoOp() {
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(openSession(1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void attemptAheadOfTheCurrentOneIsStale() {
            fixture.given(checkoutStarted())
                    .when(openSession(2))
                    .expectException(violation("stale_session_attempt"))
                    .expectNoEvents();
        }

        @Test
        void attemptZeroIsStale() {
            fixture.given(checkoutStarted())
                    .when(openSession(0))
                    .expectException(violation("stale_session_attempt"))
                    .expectNoEvents();
        }

        @Test
        void anotherAttemptOnceOpenIsRefusedBecauseNoSessionIsAwaited() {
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(openSession(2))
                    .expectException(violation("checkout_not_awaiting_session"))
                    .expectNoEvents();
        }

        @Test
        void afterExpiryNoSessionIsAwaited() {
            fixture.given(checkoutStarted(), checkoutExpired())
                    .when(openSession(1))
                    .expectException(violation("checkout_not_awaiting_session"))
                    .expectNoEvents();
        }

        @Test
        void unknownCheckoutIntentIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(openSession(1))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // ---- RecordCheckoutSessionFailed ------------------------------------------------------------------------

    @Nested
    class RecordCheckoutSessionFailedCommand {

        @Test
        void failureOfTheFirstAttemptIsRecorded() {
            fixture.given(checkoutStarted())
                    .when(failSession(1, SessionFailure.STRIPE_UNAVAILABLE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sessionFailed(1, SessionFailure.STRIPE_UNAVAILABLE));
        }

        @Test
        void retryWithTheSecondAttemptOpensTheSession() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT))
                    .when(openSession(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sessionOpened(2));
        }

        @Test
        void secondFailureThenThirdAttemptOpens() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT))
                    .andGivenCommands(failSession(2, SessionFailure.RATE_LIMITED))
                    .when(openSession(3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sessionOpened(3));
        }

        @Test
        void secondAttemptOpenedTwiceIsANoOp() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT), sessionOpened(2))
                    .when(openSession(2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void failureOfAnAlreadyFailedAttemptIsStale() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT))
                    .when(failSession(1, SessionFailure.TIMEOUT))
                    .expectException(violation("stale_session_attempt"))
                    .expectNoEvents();
        }

        @Test
        void lateSuccessOfAnAlreadyFailedAttemptIsStale() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT))
                    .when(openSession(1))
                    .expectException(violation("stale_session_attempt"))
                    .expectNoEvents();
        }

        @Test
        void failureAfterTheSessionOpenedIsRefused() {
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(failSession(1, SessionFailure.TIMEOUT))
                    .expectException(violation("checkout_not_awaiting_session"))
                    .expectNoEvents();
        }

        @Test
        void failureAfterExpiryIsRefused() {
            fixture.given(checkoutStarted(), checkoutExpired())
                    .when(failSession(1, SessionFailure.TIMEOUT))
                    .expectException(violation("checkout_not_awaiting_session"))
                    .expectNoEvents();
        }
    }

    // ---- RecordStripeSessionExpiry: the outcome of an expiry at Stripe -----------------------------------------

    @Nested
    class RecordStripeSessionExpiryCommand {

        @Test
        void theOutcomeOfAnExpiredIntentIsRecordedWithTheCallersContext() {
            fixture.given(checkoutStarted(), sessionOpened(1), checkoutExpired())
                    .when(new RecordStripeSessionExpiry(ID, PUBLISHER, false, EXPIRE_CONTEXT, NOW.plusSeconds(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CheckoutStripeSessionExpiryRecorded(ID, PUBLISHER, false, EXPIRE_CONTEXT,
                            NOW.plusSeconds(5)));
        }

        @Test
        void anIntentNotExpiredOrAnotherPublishersRecordsNothing() {
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(new RecordStripeSessionExpiry(ID, PUBLISHER, true, EXPIRE_CONTEXT, NOW))
                    .expectException(violation("checkout_not_expired"))
                    .expectNoEvents();
            fixture.given(checkoutStarted(), checkoutExpired())
                    .when(new RecordStripeSessionExpiry(ID, PublisherId.of("pub_other"), true, EXPIRE_CONTEXT, NOW))
                    .expectException(violation("checkout_not_expired"))
                    .expectNoEvents();
        }
    }

    // ---- ExpireCheckout -------------------------------------------------------------------------------------

    @Nested
    class ExpireCheckoutCommand {

        @Test
        void startedCheckoutExpiresAtVersionZero() {
            fixture.given(checkoutStarted())
                    .when(expire(PUBLISHER, 0L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutExpired())
                    .expectResultMessagePayload(CheckoutStatus.EXPIRED);
        }

        @Test
        void openCheckoutExpires() {
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(expire(PUBLISHER, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutExpired())
                    .expectResultMessagePayload(CheckoutStatus.EXPIRED);
        }

        @Test
        void checkoutWhoseSessionFailedExpires() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.STRIPE_REJECTED))
                    .when(expire(PUBLISHER, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutExpired())
                    .expectResultMessagePayload(CheckoutStatus.EXPIRED);
        }

        @Test
        void versionCountsEveryEvent() {
            fixture.given(checkoutStarted(), sessionFailed(1, SessionFailure.TIMEOUT),
                            sessionFailed(2, SessionFailure.TIMEOUT), sessionOpened(3))
                    .when(expire(PUBLISHER, 3L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(checkoutExpired());
        }

        @Test
        void anotherPublishersCheckoutIsNotFound() {
            fixture.given(checkoutStarted())
                    .when(expire(OTHER_PUBLISHER, 0L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void expectedVersionAheadOfTheAggregateIsRefusedAsStale() {
            // The version is checked by the domain, after the publisher, not by Axon's @TargetAggregateVersion.
            fixture.given(checkoutStarted())
                    .when(expire(PUBLISHER, 5L))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherWithAFutureVersionStillSeesNothing() {
            fixture.given(checkoutStarted())
                    .when(expire(OTHER_PUBLISHER, 7L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void expectedVersionBehindTheAggregateIsRefusedAsStale() {
            // For a lower version Axon defers to conflict resolution at commit; the handler runs first and the
            // domain's stale-state check refuses it.
            fixture.given(checkoutStarted(), sessionOpened(1))
                    .when(expire(PUBLISHER, 0L))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void missingExpectedVersionIsRefusedAsStale() {
            fixture.given(checkoutStarted())
                    .when(expire(PUBLISHER, null))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void alreadyExpiredCheckoutStaysExpiredWithoutNewEvents() {
            fixture.given(checkoutStarted(), checkoutExpired())
                    .when(expire(PUBLISHER, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(CheckoutStatus.EXPIRED);
        }

        @Test
        void unknownCheckoutIntentIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(expire(PUBLISHER, 0L))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
