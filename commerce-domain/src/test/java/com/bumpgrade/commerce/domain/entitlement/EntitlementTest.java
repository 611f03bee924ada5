package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static com.bumpgrade.commerce.domain.entitlement.Access.ACTIVE;
import static com.bumpgrade.commerce.domain.entitlement.Access.ENDED;
import static com.bumpgrade.commerce.domain.entitlement.Access.GRACE;
import static com.bumpgrade.commerce.domain.entitlement.Access.PENDING;
import static com.bumpgrade.commerce.domain.entitlement.Access.SUSPENDED;

/**
 * Access to one offer bought in one checkout: the idempotent grant, access following Stripe Billing's subscription
 * status (with a grace period for past_due), and the clock that ends an expired grace period.
 */
class EntitlementTest {

    /** A fixed clock value: every timestamp in these tests is derived from it. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant GRANTED_AT = NOW;
    /** Observations of the subscription, in the order Stripe made them. */
    private static final Instant T1 = NOW.plus(Duration.ofHours(1));
    private static final Instant T2 = NOW.plus(Duration.ofDays(1));
    private static final Instant T3 = NOW.plus(Duration.ofDays(2));

    private static final Duration GRACE_PERIOD = Duration.ofDays(3);
    /** past_due first seen at T1: access is kept until then. */
    private static final Instant GRACE_UNTIL = T1.plus(GRACE_PERIOD);
    private static final Instant AFTER_GRACE = GRACE_UNTIL.plus(Duration.ofHours(1));
    private static final Instant LATER = GRACE_UNTIL.plus(Duration.ofDays(1));

    private static final Instant PERIOD_END = NOW.plus(Duration.ofDays(30));
    private static final Instant NEXT_PERIOD_END = NOW.plus(Duration.ofDays(60));

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final OfferId OFFER = OfferId.of("offer_pro_monthly");
    private static final EntitlementId ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, OFFER);
    private static final CustomerId CUSTOMER = CustomerId.forStripeCustomer("cus_PxQ7aB9cD1eF2g");
    private static final WebhookEvidenceId PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1PaidCompleted");
    private static final WebhookEvidenceId REDELIVERED_PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1PaidAgain");

    private FixtureConfiguration<Entitlement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entitlement.class);
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private static GrantEntitlement grant() {
        return new GrantEntitlement(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, CUSTOMER, PAID_EVIDENCE, GRANTED_AT);
    }

    /** The Billing event behind an observation made at {@code at}. */
    private static WebhookEvidenceId evidence(Instant at) {
        return WebhookEvidenceId.forStripeEvent("evt_billing_" + at.getEpochSecond());
    }

    private static RecordSubscriptionState observe(String status, Instant at, Instant periodEnd,
                                                   Duration gracePeriod) {
        return new RecordSubscriptionState(ENTITLEMENT, evidence(at), status, at, periodEnd, gracePeriod);
    }

    private static RecordSubscriptionState observe(String status, Instant at, Instant periodEnd) {
        return observe(status, at, periodEnd, GRACE_PERIOD);
    }

    private static RecordSubscriptionState observe(String status, Instant at) {
        return observe(status, at, PERIOD_END);
    }

    private static ExpireGracePeriod expire(Instant now) {
        return new ExpireGracePeriod(ENTITLEMENT, now);
    }

    // ---- events ---------------------------------------------------------------------------------------------

    private static EntitlementGranted granted() {
        return new EntitlementGranted(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, CUSTOMER, ACTIVE, PAID_EVIDENCE,
                GRANTED_AT);
    }

    private static FulfillmentQueued queued() {
        return new FulfillmentQueued(ENTITLEMENT, PUBLISHER, "pending", GRANTED_AT, PAID_EVIDENCE);
    }

    /** A change caused by the Billing observation made at {@code at}. */
    private static EntitlementAccessChanged changed(Access from, Access to, String status, Instant at,
                                                    Instant periodEnd, Instant graceUntil) {
        return new EntitlementAccessChanged(ENTITLEMENT, PUBLISHER, from, to, status, periodEnd, graceUntil, at,
                evidence(at), at);
    }

    private static EntitlementAccessChanged changed(Access from, Access to, String status, Instant at) {
        return changed(from, to, status, at, PERIOD_END, null);
    }

    /** past_due first seen at T1 on an active entitlement: grace until {@link #GRACE_UNTIL}. */
    private static EntitlementAccessChanged pastDueSeen() {
        return changed(ACTIVE, GRACE, "past_due", T1, PERIOD_END, GRACE_UNTIL);
    }

    /** past_due seen again at {@link #AFTER_GRACE}: the grace period had run out. */
    private static EntitlementAccessChanged pastDueSuspended() {
        return changed(GRACE, SUSPENDED, "past_due", AFTER_GRACE, PERIOD_END, GRACE_UNTIL);
    }

    /**
     * The clock ended the grace started by {@link #pastDueSeen()}: observed at {@code now}, so no Stripe observation
     * from before it can restore the grace.
     */
    private static EntitlementAccessChanged suspendedByClock(Instant now) {
        return new EntitlementAccessChanged(ENTITLEMENT, PUBLISHER, GRACE, SUSPENDED, "past_due", PERIOD_END,
                GRACE_UNTIL, now, null, now);
    }

    /** The observation made at {@code at} found nothing changed: no access moves, but it is remembered. */
    private static SubscriptionStateConfirmed confirmed(Instant at) {
        return new SubscriptionStateConfirmed(ENTITLEMENT, at);
    }

    // ---- GrantEntitlement -----------------------------------------------------------------------------------

    @Nested
    class GrantEntitlementCommand {

        @Test
        void grantGivesActiveAccessAndQueuesPendingFulfillment() {
            fixture.givenNoPriorActivity()
                    .when(grant())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(granted(), queued())
                    .expectResultMessagePayload(true);
        }

        @Test
        void redeliveredPaymentGrantsNothing() {
            fixture.given(granted(), queued())
                    .when(grant())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void retriedCommandGrantsNothing() {
            fixture.givenCommands(grant())
                    .when(grant())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void grantOfTheSamePurchaseFromOtherEvidenceLaterGrantsNothing() {
            fixture.given(granted(), queued())
                    .when(new GrantEntitlement(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, CUSTOMER,
                            REDELIVERED_PAID_EVIDENCE, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void grantAgainDoesNotRestoreSuspendedAccess() {
            fixture.given(granted(), queued(), changed(ACTIVE, SUSPENDED, "unpaid", T1))
                    .when(grant())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void grantAgainDoesNotRestoreEndedAccess() {
            fixture.given(granted(), queued(), changed(ACTIVE, ENDED, "canceled", T1))
                    .when(grant())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }
    }

    // ---- RecordSubscriptionState: the status-to-access mapping ------------------------------------------------

    @Nested
    class StatusMapping {

        @ParameterizedTest(name = "first observation {0} -> {1}")
        @CsvSource({
                "active,             ACTIVE",
                "trialing,           ACTIVE",
                "incomplete,         PENDING",
                "unpaid,             SUSPENDED",
                "paused,             SUSPENDED",
                "canceled,           ENDED",
                "incomplete_expired, ENDED",
                "some_future_status, SUSPENDED"})
        void firstObservationAfterTheGrant(String status, Access access) {
            fixture.given(granted(), queued())
                    .when(observe(status, T1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, access, status, T1))
                    .expectResultMessagePayload(true);
        }

        @Test
        void firstObservationOfPastDueStartsTheGrace() {
            fixture.given(granted(), queued())
                    .when(observe("past_due", T1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, GRACE, "past_due", T1, PERIOD_END, T1.plus(GRACE_PERIOD)))
                    .expectResultMessagePayload(true);
        }

        @ParameterizedTest(name = "{0} ({1}) -> {2} ({3})")
        @CsvSource({
                "active,             ACTIVE,    trialing,           ACTIVE",
                "active,             ACTIVE,    incomplete,         PENDING",
                "active,             ACTIVE,    unpaid,             SUSPENDED",
                "active,             ACTIVE,    paused,             SUSPENDED",
                "active,             ACTIVE,    canceled,           ENDED",
                "active,             ACTIVE,    incomplete_expired, ENDED",
                "active,             ACTIVE,    some_future_status, SUSPENDED",
                "trialing,           ACTIVE,    active,             ACTIVE",
                "trialing,           ACTIVE,    incomplete,         PENDING",
                "trialing,           ACTIVE,    unpaid,             SUSPENDED",
                "trialing,           ACTIVE,    paused,             SUSPENDED",
                "trialing,           ACTIVE,    canceled,           ENDED",
                "trialing,           ACTIVE,    incomplete_expired, ENDED",
                "trialing,           ACTIVE,    some_future_status, SUSPENDED",
                "incomplete,         PENDING,   active,             ACTIVE",
                "incomplete,         PENDING,   trialing,           ACTIVE",
                "incomplete,         PENDING,   unpaid,             SUSPENDED",
                "incomplete,         PENDING,   paused,             SUSPENDED",
                "incomplete,         PENDING,   canceled,           ENDED",
                "incomplete,         PENDING,   incomplete_expired, ENDED",
                "incomplete,         PENDING,   some_future_status, SUSPENDED",
                "unpaid,             SUSPENDED, active,             ACTIVE",
                "unpaid,             SUSPENDED, trialing,           ACTIVE",
                "unpaid,             SUSPENDED, incomplete,         PENDING",
                "unpaid,             SUSPENDED, paused,             SUSPENDED",
                "unpaid,             SUSPENDED, canceled,           ENDED",
                "unpaid,             SUSPENDED, incomplete_expired, ENDED",
                "unpaid,             SUSPENDED, some_future_status, SUSPENDED",
                "paused,             SUSPENDED, active,             ACTIVE",
                "paused,             SUSPENDED, trialing,           ACTIVE",
                "paused,             SUSPENDED, incomplete,         PENDING",
                "paused,             SUSPENDED, unpaid,             SUSPENDED",
                "paused,             SUSPENDED, canceled,           ENDED",
                "paused,             SUSPENDED, incomplete_expired, ENDED",
                "paused,             SUSPENDED, some_future_status, SUSPENDED",
                "some_future_status, SUSPENDED, active,             ACTIVE",
                "some_future_status, SUSPENDED, trialing,           ACTIVE",
                "some_future_status, SUSPENDED, incomplete,         PENDING",
                "some_future_status, SUSPENDED, unpaid,             SUSPENDED",
                "some_future_status, SUSPENDED, paused,             SUSPENDED",
                "some_future_status, SUSPENDED, canceled,           ENDED",
                "some_future_status, SUSPENDED, incomplete_expired, ENDED",
                "some_future_status, SUSPENDED, another_new_status, SUSPENDED"})
        void statusChangeMovesAccess(String fromStatus, Access fromAccess, String toStatus, Access toAccess) {
            fixture.given(granted(), queued(), changed(ACTIVE, fromAccess, fromStatus, T1))
                    .when(observe(toStatus, T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(fromAccess, toAccess, toStatus, T2))
                    .expectResultMessagePayload(true);
        }

        @ParameterizedTest(name = "{0} ({1}) -> past_due starts a fresh grace")
        @CsvSource({
                "active,             ACTIVE",
                "trialing,           ACTIVE",
                "incomplete,         PENDING",
                "unpaid,             SUSPENDED",
                "paused,             SUSPENDED",
                "some_future_status, SUSPENDED"})
        void pastDueFromAnotherStatusStartsGraceAtThisObservation(String fromStatus, Access fromAccess) {
            fixture.given(granted(), queued(), changed(ACTIVE, fromAccess, fromStatus, T1))
                    .when(observe("past_due", T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(fromAccess, GRACE, "past_due", T2, PERIOD_END, T2.plus(GRACE_PERIOD)))
                    .expectResultMessagePayload(true);
        }

        @ParameterizedTest(name = "past_due within grace -> {0} ({1}) clears the grace")
        @CsvSource({
                "active,             ACTIVE",
                "trialing,           ACTIVE",
                "incomplete,         PENDING",
                "unpaid,             SUSPENDED",
                "paused,             SUSPENDED",
                "canceled,           ENDED",
                "incomplete_expired, ENDED",
                "some_future_status, SUSPENDED"})
        void leavingPastDueWithinGraceClearsTheGrace(String toStatus, Access toAccess) {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe(toStatus, T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, toAccess, toStatus, T2, PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @ParameterizedTest(name = "past_due beyond grace -> {0} ({1}) clears the grace")
        @CsvSource({
                "active,             ACTIVE",
                "trialing,           ACTIVE",
                "incomplete,         PENDING",
                "unpaid,             SUSPENDED",
                "paused,             SUSPENDED",
                "canceled,           ENDED",
                "incomplete_expired, ENDED",
                "some_future_status, SUSPENDED"})
        void leavingPastDueAfterGraceClearsTheGrace(String toStatus, Access toAccess) {
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended())
                    .when(observe(toStatus, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, toAccess, toStatus, LATER, PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }
    }

    // ---- RecordSubscriptionState: past_due and its grace period ----------------------------------------------

    @Nested
    class PastDueGrace {

        @Test
        void graceLastsTheCommandsGracePeriodFromTheFirstPastDue() {
            fixture.given(granted(), queued())
                    .when(observe("past_due", T1, PERIOD_END, Duration.ofDays(7)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, GRACE, "past_due", T1, PERIOD_END, T1.plus(Duration.ofDays(7))))
                    .expectResultMessagePayload(true);
        }

        @Test
        void zeroGracePeriodSuspendsAtOnce() {
            fixture.given(granted(), queued())
                    .when(observe("past_due", T1, PERIOD_END, Duration.ZERO))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, SUSPENDED, "past_due", T1, PERIOD_END, T1))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueSeenAgainWithinGraceChangesNothing() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(T2))
                    .expectResultMessagePayload(false);
        }

        @Test
        void pastDueSeenJustBeforeGraceEndsIsStillGrace() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", GRACE_UNTIL.minusSeconds(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(GRACE_UNTIL.minusSeconds(1)))
                    .expectResultMessagePayload(false);
        }

        @Test
        void newPeriodEndWithinGraceKeepsTheOriginalGraceUntil() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", T2, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, GRACE, "past_due", T2, NEXT_PERIOD_END, GRACE_UNTIL))
                    .expectResultMessagePayload(true);
        }

        @Test
        void aLongerGracePeriodLaterDoesNotExtendTheGrace() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", T2, NEXT_PERIOD_END, Duration.ofDays(14)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, GRACE, "past_due", T2, NEXT_PERIOD_END, GRACE_UNTIL))
                    .expectResultMessagePayload(true);
        }

        @Test
        void graceUntilSurvivesSeveralObservations() {
            fixture.given(granted(), queued(), pastDueSeen(),
                            changed(GRACE, GRACE, "past_due", T2, NEXT_PERIOD_END, GRACE_UNTIL))
                    .when(observe("past_due", T3, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(T3))
                    .expectResultMessagePayload(false);
        }

        @Test
        void pastDueSeenWhenGraceEndsSuspends() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", GRACE_UNTIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, SUSPENDED, "past_due", GRACE_UNTIL, PERIOD_END, GRACE_UNTIL))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueSeenAfterGraceSuspends() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", AFTER_GRACE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(pastDueSuspended())
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueSeenAfterGraceWithAnotherPeriodEndSuspendsFromTheOriginalGrace() {
            fixture.given(granted(), queued(), pastDueSeen(),
                            changed(GRACE, GRACE, "past_due", T2, NEXT_PERIOD_END, GRACE_UNTIL))
                    .when(observe("past_due", AFTER_GRACE, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, SUSPENDED, "past_due", AFTER_GRACE, NEXT_PERIOD_END, GRACE_UNTIL))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueSeenAgainAfterSuspensionChangesNothing() {
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended())
                    .when(observe("past_due", LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(LATER))
                    .expectResultMessagePayload(false);
        }

        @Test
        void pastDueSuspendedDoesNotStartANewGraceWhenThePeriodEndChanges() {
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended())
                    .when(observe("past_due", LATER, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, SUSPENDED, "past_due", LATER, NEXT_PERIOD_END, GRACE_UNTIL))
                    .expectResultMessagePayload(true);
        }

        @Test
        void recoveryWithinGraceClearsTheGrace() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("active", T2, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, ACTIVE, "active", T2, NEXT_PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void recoveryAfterSuspensionClearsTheGrace() {
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended())
                    .when(observe("active", LATER, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, ACTIVE, "active", LATER, NEXT_PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueAgainAfterRecoveryStartsAFreshGrace() {
            fixture.given(granted(), queued(), pastDueSeen(),
                            changed(GRACE, ACTIVE, "active", T2, NEXT_PERIOD_END, null))
                    .when(observe("past_due", T3, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, GRACE, "past_due", T3, NEXT_PERIOD_END, T3.plus(GRACE_PERIOD)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueAgainAfterRecoveryFromSuspensionStartsAFreshGrace() {
            Instant recoveredAt = LATER;
            Instant pastDueAgainAt = LATER.plus(Duration.ofDays(20));
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended(),
                            changed(SUSPENDED, ACTIVE, "active", recoveredAt, NEXT_PERIOD_END, null))
                    .when(observe("past_due", pastDueAgainAt, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, GRACE, "past_due", pastDueAgainAt, NEXT_PERIOD_END,
                            pastDueAgainAt.plus(GRACE_PERIOD)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueAfterUnpaidStartsAFreshGrace() {
            fixture.given(granted(), queued(), pastDueSeen(), changed(GRACE, SUSPENDED, "unpaid", T2))
                    .when(observe("past_due", T3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, GRACE, "past_due", T3, PERIOD_END, T3.plus(GRACE_PERIOD)))
                    .expectResultMessagePayload(true);
        }

        @Test
        void graceEndsForGoodWhenTheSubscriptionIsCanceled() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("canceled", T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(GRACE, ENDED, "canceled", T2, PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }
    }

    // ---- RecordSubscriptionState: duplicate, late and out-of-order observations -------------------------------

    @Nested
    class OutOfOrderObservations {

        @Test
        void olderObservationChangesNothing() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T2))
                    .when(observe("canceled", T1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void observationAtTheSameInstantChangesNothing() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T2))
                    .when(observe("unpaid", T2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void redeliveredObservationChangesNothing() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(observe("past_due", T1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void observationRecordedTwiceChangesNothingTheSecondTime() {
            fixture.givenCommands(grant(), observe("trialing", T1, PERIOD_END))
                    .when(observe("trialing", T1, PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void lateRecoveryDoesNotUndoANewerSuspension() {
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended())
                    .when(observe("active", T2, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void latePastDueDoesNotRestartGraceAfterANewerRecovery() {
            fixture.given(granted(), queued(), pastDueSeen(),
                            changed(GRACE, ACTIVE, "active", T3, NEXT_PERIOD_END, null))
                    .when(observe("past_due", T2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void lateActiveDoesNotReopenAnEndedEntitlement() {
            fixture.given(granted(), queued(), changed(ACTIVE, ENDED, "canceled", T2))
                    .when(observe("active", T1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void olderObservationOfANewPeriodEndChangesNothing() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T2))
                    .when(observe("active", T1, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void newerObservationAfterAnIgnoredOneStillApplies() {
            fixture.givenCommands(grant(), observe("active", T2), observe("canceled", T1))
                    .when(observe("unpaid", T3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, SUSPENDED, "unpaid", T3))
                    .expectResultMessagePayload(true);
        }

        @Test
        void olderObservationDoesNotOverwriteANewerConfirmation() {
            // active at T1 changed it, active at T3 changed nothing but was confirmed: unpaid at T2 is older
            fixture.givenCommands(grant(), observe("active", T1), observe("active", T3))
                    .when(observe("unpaid", T2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }
    }

    // ---- RecordSubscriptionState: unchanged state and the period end ------------------------------------------

    @Nested
    class UnchangedStateAndPeriodEnd {

        @ParameterizedTest(name = "{0} seen again changes nothing")
        @CsvSource({
                "active,             ACTIVE",
                "trialing,           ACTIVE",
                "incomplete,         PENDING",
                "unpaid,             SUSPENDED",
                "paused,             SUSPENDED",
                "some_future_status, SUSPENDED"})
        void sameStatusAccessAndPeriodEndChangesNothing(String status, Access access) {
            fixture.given(granted(), queued(), changed(ACTIVE, access, status, T1))
                    .when(observe(status, T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(T2))
                    .expectResultMessagePayload(false);
        }

        @Test
        void currentPeriodEndIsCarriedAsAccessUntil() {
            Instant trialEnd = NOW.plus(Duration.ofDays(14));
            fixture.given(granted(), queued())
                    .when(observe("trialing", T1, trialEnd))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, ACTIVE, "trialing", T1, trialEnd, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void renewalWithTheSameStatusRecordsTheNewPeriodEnd() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T1))
                    .when(observe("active", T2, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, ACTIVE, "active", T2, NEXT_PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void periodEndChangeWhileSuspendedIsRecorded() {
            fixture.given(granted(), queued(), changed(ACTIVE, SUSPENDED, "paused", T1))
                    .when(observe("paused", T2, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, SUSPENDED, "paused", T2, NEXT_PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void missingPeriodEndIsCarriedAsNoAccessUntil() {
            fixture.given(granted(), queued())
                    .when(observe("active", T1, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, ACTIVE, "active", T1, null, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void missingPeriodEndSeenAgainChangesNothing() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T1, null, null))
                    .when(observe("active", T2, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(T2))
                    .expectResultMessagePayload(false);
        }

        @Test
        void periodEndAppearingIsRecorded() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T1, null, null))
                    .when(observe("active", T2, PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, ACTIVE, "active", T2, PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void periodEndDisappearingIsRecorded() {
            fixture.given(granted(), queued(), changed(ACTIVE, ACTIVE, "active", T1))
                    .when(observe("active", T2, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(ACTIVE, ACTIVE, "active", T2, null, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void missingStatusOnASuspendedEntitlementDoesNotThrow() {
            // no status maps to SUSPENDED, like an unknown one; the status itself changed, so it is recorded
            fixture.given(granted(), queued(), changed(ACTIVE, SUSPENDED, "unpaid", T1))
                    .when(observe(null, T2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, SUSPENDED, null, T2))
                    .expectResultMessagePayload(true);
        }

        @Test
        void unknownEntitlementIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(observe("active", T1))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // ---- RecordSubscriptionState: ENDED is terminal -----------------------------------------------------------

    @Nested
    class EndedIsTerminal {

        @ParameterizedTest(name = "{0} after canceled changes nothing")
        @ValueSource(strings = {"active", "trialing", "incomplete", "past_due", "unpaid", "paused", "canceled",
                "incomplete_expired", "some_future_status"})
        void nothingComesBackFromCanceled(String status) {
            fixture.given(granted(), queued(), changed(ACTIVE, ENDED, "canceled", T1))
                    .when(observe(status, T2, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @ParameterizedTest(name = "{0} after incomplete_expired changes nothing")
        @ValueSource(strings = {"active", "trialing", "incomplete", "past_due", "unpaid", "paused", "canceled",
                "incomplete_expired", "some_future_status"})
        void nothingComesBackFromIncompleteExpired(String status) {
            fixture.given(granted(), queued(), changed(ACTIVE, PENDING, "incomplete", T1),
                            changed(PENDING, ENDED, "incomplete_expired", T2))
                    .when(observe(status, T3, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void samePeriodEndAfterCanceledChangesNothingEither() {
            fixture.given(granted(), queued(), changed(ACTIVE, ENDED, "canceled", T1))
                    .when(observe("active", LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }
    }

    // ---- ExpireGracePeriod ------------------------------------------------------------------------------------

    @Nested
    class ExpireGracePeriodCommand {

        @Test
        void beforeGraceUntilNothingHappens() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(expire(GRACE_UNTIL.minusSeconds(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void atGraceUntilAccessIsSuspended() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(expire(GRACE_UNTIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(suspendedByClock(GRACE_UNTIL))
                    .expectResultMessagePayload(true);
        }

        @Test
        void afterGraceUntilAccessIsSuspendedAtThatTime() {
            fixture.given(granted(), queued(), pastDueSeen())
                    .when(expire(AFTER_GRACE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(suspendedByClock(AFTER_GRACE))
                    .expectResultMessagePayload(true);
        }

        @Test
        void suspensionKeepsTheLastObservation() {
            fixture.given(granted(), queued(), pastDueSeen(),
                            changed(GRACE, GRACE, "past_due", T2, NEXT_PERIOD_END, GRACE_UNTIL))
                    .when(expire(AFTER_GRACE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EntitlementAccessChanged(ENTITLEMENT, PUBLISHER, GRACE, SUSPENDED, "past_due",
                            NEXT_PERIOD_END, GRACE_UNTIL, AFTER_GRACE, null, AFTER_GRACE))
                    .expectResultMessagePayload(true);
        }

        @Test
        void expiringAgainChangesNothing() {
            fixture.given(granted(), queued(), pastDueSeen(), suspendedByClock(GRACE_UNTIL))
                    .when(expire(LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void clockAfterPastDueSuspendedByObservationChangesNothing() {
            fixture.given(granted(), queued(), pastDueSeen(), pastDueSuspended())
                    .when(expire(LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void justGrantedChangesNothing() {
            fixture.given(granted(), queued())
                    .when(expire(LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @ParameterizedTest(name = "{0} ({1}) is not in grace")
        @CsvSource({
                "active,             ACTIVE",
                "trialing,           ACTIVE",
                "incomplete,         PENDING",
                "unpaid,             SUSPENDED",
                "paused,             SUSPENDED",
                "canceled,           ENDED",
                "incomplete_expired, ENDED",
                "some_future_status, SUSPENDED"})
        void outsideGraceChangesNothing(String status, Access access) {
            fixture.given(granted(), queued(), changed(ACTIVE, access, status, T1))
                    .when(expire(LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void afterRecoveryTheOldGraceNoLongerExpires() {
            fixture.given(granted(), queued(), pastDueSeen(), changed(GRACE, ACTIVE, "active", T2))
                    .when(expire(AFTER_GRACE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void afterCancellationInGraceNothingExpires() {
            fixture.given(granted(), queued(), pastDueSeen(), changed(GRACE, ENDED, "canceled", T2))
                    .when(expire(AFTER_GRACE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void aFreshGraceExpiresOnItsOwnSchedule() {
            Instant freshGraceUntil = T3.plus(GRACE_PERIOD);
            fixture.given(granted(), queued(), pastDueSeen(), changed(GRACE, ACTIVE, "active", T2),
                            changed(ACTIVE, GRACE, "past_due", T3, PERIOD_END, freshGraceUntil))
                    .when(expire(GRACE_UNTIL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void pastDueSeenAfterTheClockSuspendedChangesNothing() {
            fixture.given(granted(), queued(), pastDueSeen(), suspendedByClock(GRACE_UNTIL))
                    .when(observe("past_due", AFTER_GRACE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(confirmed(AFTER_GRACE))
                    .expectResultMessagePayload(false);
        }

        @Test
        void recoveryAfterTheClockSuspendedRestoresAccess() {
            fixture.given(granted(), queued(), pastDueSeen(), suspendedByClock(GRACE_UNTIL))
                    .when(observe("active", AFTER_GRACE, NEXT_PERIOD_END))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(changed(SUSPENDED, ACTIVE, "active", AFTER_GRACE, NEXT_PERIOD_END, null))
                    .expectResultMessagePayload(true);
        }

        @Test
        void pastDueObservedBeforeTheClockSuspendedDoesNotRestoreTheGrace() {
            // made within the grace, arriving after the clock suspended: older than the suspension
            fixture.givenCommands(grant(), observe("past_due", T1), expire(AFTER_GRACE))
                    .when(observe("past_due", T1.plus(Duration.ofDays(1))))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void unknownEntitlementIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(expire(LATER))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
