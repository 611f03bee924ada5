package com.bumpgrade.commerce.domain.commission;

import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/**
 * The review-only commission ledger of one attributed checkout: opening, the owner's confirmed and stale-state
 * checked actions, and the holds and reversal lines caused by refunds and disputes from verified webhooks.
 */
class CommissionLedgerTest {

    /** A fixed clock value: every timestamp in these tests is derived from it. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant PAID_AT = NOW.plus(Duration.ofMinutes(5));
    private static final Instant REVIEWED_AT = NOW.plus(Duration.ofHours(1));
    private static final Instant HELD_AT = NOW.plus(Duration.ofHours(2));
    private static final Instant RELEASED_AT = NOW.plus(Duration.ofHours(3));
    private static final Instant REVERSED_AT = NOW.plus(Duration.ofHours(4));
    private static final Instant FIRST_REFUND_AT = NOW.plus(Duration.ofDays(1));
    private static final Instant SECOND_REFUND_AT = NOW.plus(Duration.ofDays(2));
    private static final Instant FULL_REFUND_AT = NOW.plus(Duration.ofDays(3));
    private static final Instant DISPUTE_OPENED_AT = NOW.plus(Duration.ofDays(4));
    private static final Instant DISPUTE_CLOSED_AT = NOW.plus(Duration.ofDays(12));

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final PartnerId PARTNER = PartnerId.of("partner-ada");
    private static final ReferralClickId CLICK = ReferralClickId.of("clk_0123456789abcdef0123456789abcdef");
    private static final CommissionEntryId ENTRY = CommissionEntryId.forClick(CLICK);
    private static final CommissionEntryId OTHER_ENTRY =
            CommissionEntryId.forClick(ReferralClickId.of("clk_fedcba9876543210fedcba9876543210"));
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final CheckoutIntentId OTHER_CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000002");

    /** 900 USD minor at 3000 basis points earns 270. */
    private static final Money PAID = usd(900);
    private static final int BASIS_POINTS = 3000;
    private static final Money COMMISSION = usd(270);

    private static final BillingContext OWNER_CONTEXT = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("bumpgrade-dashboard"), CorrelationId.of("corr-owner"), IdempotencyKey.of("idem-owner"));

    private static final WebhookEvidenceId PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1PaidCompleted");
    private static final WebhookEvidenceId FIRST_REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund1");
    private static final WebhookEvidenceId SECOND_REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund2");
    private static final WebhookEvidenceId FULL_REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund3");
    private static final WebhookEvidenceId DISPUTE_OPENED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1DspOpen");
    private static final WebhookEvidenceId DISPUTE_CLOSED_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1DspClose");

    private static final String DISPUTE_REF = "dsp_0123456789abcdef01234567";
    private static final String OTHER_DISPUTE_REF = "dsp_fedcba9876543210fedcba98";

    private static final String HOLD_REASON = "Traffic looks self-referred";
    private static final String REVERSE_REASON = "Partner bought through their own link";

    private FixtureConfiguration<CommissionLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CommissionLedger.class);
    }

    // ---- confirmation phrases -------------------------------------------------------------------------------

    private static String markReviewedPhrase() {
        return "Mark commission " + ENTRY.value() + " reviewed";
    }

    private static String holdPhrase(String reason) {
        return "Hold commission " + ENTRY.value() + ": " + reason;
    }

    private static String releasePhrase() {
        return "Release hold on commission " + ENTRY.value();
    }

    private static String reversePhrase(String reason) {
        return "Reverse commission " + ENTRY.value() + ": " + reason;
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private static OpenCommissionEntry open(CheckoutIntentId checkout, Money paid, int basisPoints) {
        return new OpenCommissionEntry(ENTRY, PUBLISHER, PARTNER, checkout, CLICK, paid, basisPoints, PAID_EVIDENCE,
                PAID_AT);
    }

    private static OpenCommissionEntry open() {
        return open(CHECKOUT, PAID, BASIS_POINTS);
    }

    private static MarkCommissionReviewed markReviewed(PublisherId publisher, Long expectedVersion,
                                                       String confirmation) {
        return new MarkCommissionReviewed(ENTRY, publisher, expectedVersion, confirmation, OWNER_CONTEXT, REVIEWED_AT);
    }

    private static MarkCommissionReviewed markReviewed(long expectedVersion) {
        return markReviewed(PUBLISHER, expectedVersion, markReviewedPhrase());
    }

    private static HoldCommission hold(PublisherId publisher, Long expectedVersion, String reason,
                                       String confirmation) {
        return new HoldCommission(ENTRY, publisher, expectedVersion, reason, confirmation, OWNER_CONTEXT, HELD_AT);
    }

    private static HoldCommission hold(long expectedVersion, String reason) {
        return hold(PUBLISHER, expectedVersion, reason, holdPhrase(reason));
    }

    private static ReleaseCommissionHold release(PublisherId publisher, Long expectedVersion, String confirmation) {
        return new ReleaseCommissionHold(ENTRY, publisher, expectedVersion, confirmation, OWNER_CONTEXT, RELEASED_AT);
    }

    private static ReleaseCommissionHold release(long expectedVersion) {
        return release(PUBLISHER, expectedVersion, releasePhrase());
    }

    private static ReverseCommission reverse(PublisherId publisher, Long expectedVersion, String reason,
                                             String confirmation) {
        return new ReverseCommission(ENTRY, publisher, expectedVersion, reason, confirmation, OWNER_CONTEXT,
                REVERSED_AT);
    }

    private static ReverseCommission reverse(long expectedVersion) {
        return reverse(PUBLISHER, expectedVersion, REVERSE_REASON, reversePhrase(REVERSE_REASON));
    }

    private static RecordCommissionRefund refund(Money refundedTotal, WebhookEvidenceId evidence, Instant at) {
        return new RecordCommissionRefund(ENTRY, refundedTotal, evidence, at);
    }

    private static RecordCommissionDispute openDispute(String ref) {
        return new RecordCommissionDispute(ENTRY, ref, DisputePhase.OPENED, "needs_response",
                DISPUTE_OPENED_EVIDENCE, DISPUTE_OPENED_AT);
    }

    private static RecordCommissionDispute closeDispute(String ref, String status) {
        return new RecordCommissionDispute(ENTRY, ref, DisputePhase.CLOSED, status, DISPUTE_CLOSED_EVIDENCE,
                DISPUTE_CLOSED_AT);
    }

    // ---- events ---------------------------------------------------------------------------------------------

    private static CommissionEntryOpened opened(CheckoutIntentId checkout, Money paid, int basisPoints,
                                                Money commission) {
        return new CommissionEntryOpened(ENTRY, PUBLISHER, PARTNER, checkout, CLICK, paid, basisPoints, commission,
                PAID_EVIDENCE, PAID_AT);
    }

    /** Sequence number 0. */
    private static CommissionEntryOpened opened() {
        return opened(CHECKOUT, PAID, BASIS_POINTS, COMMISSION);
    }

    private static CommissionMarkedReviewed reviewed() {
        return new CommissionMarkedReviewed(ENTRY, PUBLISHER, OWNER_CONTEXT, REVIEWED_AT);
    }

    private static CommissionHeld heldByOwner(String reason) {
        return new CommissionHeld(ENTRY, PUBLISHER, HoldReason.OWNER, reason, null, OWNER_CONTEXT, null, HELD_AT);
    }

    private static CommissionHeld heldByOwner() {
        return heldByOwner(HOLD_REASON);
    }

    private static CommissionHeld heldByRefund(WebhookEvidenceId evidence, Instant at) {
        return new CommissionHeld(ENTRY, PUBLISHER, HoldReason.REFUND, "refund", null, null, evidence, at);
    }

    private static CommissionHeld heldByDispute(String ref) {
        return new CommissionHeld(ENTRY, PUBLISHER, HoldReason.DISPUTE, "dispute_opened", ref, null,
                DISPUTE_OPENED_EVIDENCE, DISPUTE_OPENED_AT);
    }

    private static CommissionHoldReleased releasedByOwner(HoldReason... released) {
        return new CommissionHoldReleased(ENTRY, PUBLISHER, List.of(released), null, OWNER_CONTEXT, null,
                RELEASED_AT);
    }

    private static CommissionHoldReleased releasedByWonDispute(String ref) {
        return new CommissionHoldReleased(ENTRY, PUBLISHER, List.of(HoldReason.DISPUTE), ref, null,
                DISPUTE_CLOSED_EVIDENCE, DISPUTE_CLOSED_AT);
    }

    private static CommissionReversalRecorded refundLine(int lineNumber, long amountMinor,
                                                         WebhookEvidenceId evidence, Instant at) {
        return new CommissionReversalRecorded(ENTRY, PUBLISHER, lineNumber, usd(amountMinor), "refund", null,
                evidence, at);
    }

    private static CommissionReversalRecorded ownerReversalLine(int lineNumber, long amountMinor) {
        return new CommissionReversalRecorded(ENTRY, PUBLISHER, lineNumber, usd(amountMinor), REVERSE_REASON,
                OWNER_CONTEXT, null, REVERSED_AT);
    }

    private static CommissionReversalRecorded disputeLostLine(int lineNumber, long amountMinor) {
        return new CommissionReversalRecorded(ENTRY, PUBLISHER, lineNumber, usd(amountMinor), "dispute_lost", null,
                DISPUTE_CLOSED_EVIDENCE, DISPUTE_CLOSED_AT);
    }

    private static CommissionReversed reversedByOwner() {
        return new CommissionReversed(ENTRY, PUBLISHER, REVERSE_REASON, OWNER_CONTEXT, null, REVERSED_AT);
    }

    private static CommissionReversed reversedByRefund() {
        return new CommissionReversed(ENTRY, PUBLISHER, "refunded", null, FULL_REFUND_EVIDENCE, FULL_REFUND_AT);
    }

    private static CommissionReversed reversedByLostDispute() {
        return new CommissionReversed(ENTRY, PUBLISHER, "dispute_lost", null, DISPUTE_CLOSED_EVIDENCE,
                DISPUTE_CLOSED_AT);
    }

    /** The first partial refund, 300 of 900: held (sequence 1) and 270 - floor(600 x 0.3) = 90 reversed (2). */
    private static Object[] firstPartialRefund() {
        return new Object[]{heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT),
                refundLine(2, 90, FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT)};
    }

    /** An owner's reversal of the whole entry (sequences 1 and 2). */
    private static Object[] reversedWholeByOwner() {
        return new Object[]{ownerReversalLine(2, 270), reversedByOwner()};
    }

    private static Object[] events(Object... events) {
        return events;
    }

    private static Object[] concat(Object[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Money usd(long amountMinor) {
        return Money.of(amountMinor, "USD");
    }

    // ---- OpenCommissionEntry --------------------------------------------------------------------------------

    @Nested
    class OpenCommissionEntryCommand {

        @Test
        void paidAttributedCheckoutOpensItsEntryWithTheCommission() {
            fixture.givenNoPriorActivity()
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened())
                    .expectResultMessagePayload(OpenedEntry.OPENED);
        }

        @Test
        void commissionIsRoundedDown() {
            // 999 x 3333 / 10000 = 332.9667
            fixture.givenNoPriorActivity()
                    .when(open(CHECKOUT, usd(999), 3333))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened(CHECKOUT, usd(999), 3333, usd(332)))
                    .expectResultMessagePayload(OpenedEntry.OPENED);
        }

        @Test
        void commissionKeepsTheCurrencyOfThePayment() {
            fixture.givenNoPriorActivity()
                    .when(open(CHECKOUT, Money.of(1250, "EUR"), 1500))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened(CHECKOUT, Money.of(1250, "EUR"), 1500, Money.of(187, "EUR")))
                    .expectResultMessagePayload(OpenedEntry.OPENED);
        }

        @Test
        void zeroBasisPointsOpensAnEntryOfZero() {
            fixture.givenNoPriorActivity()
                    .when(open(CHECKOUT, PAID, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened(CHECKOUT, PAID, 0, usd(0)))
                    .expectResultMessagePayload(OpenedEntry.OPENED);
        }

        @Test
        void theSameCommandAgainIsAlreadyOpen() {
            fixture.given(opened())
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(OpenedEntry.ALREADY_OPEN);
        }

        @Test
        void theSameCommandSentTwiceIsAlreadyOpen() {
            fixture.givenCommands(open())
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(OpenedEntry.ALREADY_OPEN);
        }

        @Test
        void theSameCheckoutAfterLaterChangesIsStillAlreadyOpen() {
            fixture.given(concat(events(opened()), reversedWholeByOwner()))
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(OpenedEntry.ALREADY_OPEN);
        }

        @Test
        void theSameClickForAnotherCheckoutIsRefused() {
            fixture.given(opened())
                    .when(open(OTHER_CHECKOUT, PAID, BASIS_POINTS))
                    .expectException(violation("referral_click_used"))
                    .expectNoEvents();
        }
    }

    // ---- version --------------------------------------------------------------------------------------------

    @Nested
    class Version {

        @Test
        void openedEntryIsAtVersionZero() {
            fixture.given(opened())
                    .when(markReviewed(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void entryOpenedByTheCommandIsAtVersionZero() {
            fixture.givenCommands(open())
                    .when(markReviewed(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void versionIsTheSequenceNumberOfTheLastEvent() {
            // opened 0, held 1, released 2
            fixture.given(opened(), heldByOwner(), releasedByOwner(HoldReason.OWNER))
                    .when(markReviewed(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void everyEventOfAWebhookCommandCounts() {
            // opened 0, refund hold 1, refund line 2, released 3
            fixture.given(concat(events(opened()), firstPartialRefund(),
                            events(releasedByOwner(HoldReason.REFUND))))
                    .when(markReviewed(3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void versionCountsEventsAppliedByEarlierCommands() {
            fixture.givenCommands(open(), hold(0, HOLD_REASON), release(1))
                    .when(markReviewed(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }
    }

    // ---- MarkCommissionReviewed -----------------------------------------------------------------------------

    @Nested
    class MarkCommissionReviewedCommand {

        @Test
        void openEntryIsMarkedReviewed() {
            fixture.given(opened())
                    .when(markReviewed(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void surroundingWhiteSpaceOfTheConfirmationIsForgiven() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, 0L, "  " + markReviewedPhrase() + "\n"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void reviewedEntryMarkedAgainChangesNothing() {
            fixture.given(opened(), reviewed())
                    .when(markReviewed(1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void entryReleasedFromItsHoldCanBeMarkedReviewed() {
            fixture.given(opened(), heldByOwner(), releasedByOwner(HoldReason.OWNER))
                    .when(markReviewed(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void entryHeldByTheOwnerIsRefused() {
            fixture.given(opened(), heldByOwner())
                    .when(markReviewed(1))
                    .expectException(violation("on_hold"))
                    .expectNoEvents();
        }

        @Test
        void entryHeldByARefundIsRefused() {
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(markReviewed(2))
                    .expectException(violation("on_hold"))
                    .expectNoEvents();
        }

        @Test
        void entryHeldByADisputeIsRefused() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(markReviewed(1))
                    .expectException(violation("on_hold"))
                    .expectNoEvents();
        }

        @Test
        void reviewedEntryHeldLaterIsRefusedRatherThanIgnored() {
            fixture.given(opened(), reviewed(), heldByOwner())
                    .when(markReviewed(2))
                    .expectException(violation("on_hold"))
                    .expectNoEvents();
        }

        @Test
        void olderVersionIsStale() {
            fixture.given(opened(), heldByOwner(), releasedByOwner(HoldReason.OWNER))
                    .when(markReviewed(1))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void newerVersionIsStale() {
            fixture.given(opened(), heldByOwner(), releasedByOwner(HoldReason.OWNER))
                    .when(markReviewed(3))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void missingVersionIsStale() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, null, markReviewedPhrase()))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void staleVersionIsReportedBeforeTheConfirmation() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, 5L, "yes"))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void wrongConfirmationIsRefused() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, 0L, "Mark commission " + OTHER_ENTRY.value() + " reviewed"))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void confirmationOfAnotherActionIsRefused() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, 0L, releasePhrase()))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void missingConfirmationIsRefused() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, 0L, null))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void blankConfirmationIsRefused() {
            fixture.given(opened())
                    .when(markReviewed(PUBLISHER, 0L, "  "))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherSeesNothing() {
            fixture.given(opened())
                    .when(markReviewed(OTHER_PUBLISHER, 0L, markReviewedPhrase()))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherWithAStaleVersionAndNoConfirmationStillSeesNothing() {
            fixture.given(opened())
                    .when(markReviewed(OTHER_PUBLISHER, 7L, null))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void reversedEntryIsRefused() {
            fixture.given(concat(events(opened()), reversedWholeByOwner()))
                    .when(markReviewed(2))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }

        @Test
        void reviewedThenReversedEntryIsRefused() {
            fixture.given(opened(), reviewed(), ownerReversalLine(2, 270), reversedByOwner())
                    .when(markReviewed(3))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }
    }

    // ---- HoldCommission -------------------------------------------------------------------------------------

    @Nested
    class HoldCommissionCommand {

        @Test
        void openEntryIsHeldWithTheReason() {
            fixture.given(opened())
                    .when(hold(0, HOLD_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByOwner());
        }

        @Test
        void reviewedEntryIsHeld() {
            fixture.given(opened(), reviewed())
                    .when(hold(1, HOLD_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByOwner());
        }

        @Test
        void reasonIsStrippedAndConfirmedStripped() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, "  " + HOLD_REASON + "  ", holdPhrase(HOLD_REASON)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByOwner(HOLD_REASON));
        }

        @Test
        void reasonOf200CharactersIsAccepted() {
            String reason = "r".repeat(200);
            fixture.given(opened())
                    .when(hold(0, reason))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByOwner(reason));
        }

        @Test
        void reasonOf201CharactersIsRefused() {
            String reason = "r".repeat(201);
            fixture.given(opened())
                    .when(hold(0, reason))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void blankReasonIsRefused() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, "   ", holdPhrase("   ")))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void emptyReasonIsRefused() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, "", holdPhrase("")))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void missingReasonIsRefused() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, null, holdPhrase("null")))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void entryHeldByTheOwnerAgainChangesNothing() {
            fixture.given(opened(), heldByOwner())
                    .when(hold(1, "Another look at the traffic"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void entryHeldByARefundIsStillHeldByTheOwner() {
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(hold(2, HOLD_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByOwner());
        }

        @Test
        void entryHeldByADisputeIsStillHeldByTheOwner() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(hold(1, HOLD_REASON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByOwner());
        }

        @Test
        void confirmationForAnotherReasonIsRefused() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, HOLD_REASON, holdPhrase("Partner asked for a pause")))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void confirmationWithoutTheReasonIsRefused() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, HOLD_REASON, "Hold commission " + ENTRY.value()))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void missingConfirmationIsRefused() {
            fixture.given(opened())
                    .when(hold(PUBLISHER, 0L, HOLD_REASON, null))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void olderVersionIsStale() {
            fixture.given(opened(), reviewed())
                    .when(hold(0, HOLD_REASON))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void newerVersionIsStale() {
            fixture.given(opened(), reviewed())
                    .when(hold(2, HOLD_REASON))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherSeesNothing() {
            fixture.given(opened())
                    .when(hold(OTHER_PUBLISHER, 0L, HOLD_REASON, holdPhrase(HOLD_REASON)))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void reversedEntryIsRefused() {
            fixture.given(concat(events(opened()), reversedWholeByOwner()))
                    .when(hold(2, HOLD_REASON))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }
    }

    // ---- ReleaseCommissionHold ------------------------------------------------------------------------------

    @Nested
    class ReleaseCommissionHoldCommand {

        @Test
        void ownerHoldIsReleased() {
            fixture.given(opened(), heldByOwner())
                    .when(release(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(releasedByOwner(HoldReason.OWNER));
        }

        @Test
        void refundHoldIsReleased() {
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(release(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(releasedByOwner(HoldReason.REFUND));
        }

        @Test
        void ownerAndRefundHoldsAreReleasedTogether() {
            fixture.given(concat(events(opened(), heldByOwner()),
                            events(heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT),
                                    refundLine(2, 90, FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))))
                    .when(release(3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(releasedByOwner(HoldReason.OWNER, HoldReason.REFUND));
        }

        @Test
        void releasedEntryIsNoLongerOnHold() {
            fixture.given(opened(), heldByOwner(), heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT),
                            releasedByOwner(HoldReason.OWNER, HoldReason.REFUND))
                    .when(release(3))
                    .expectException(violation("not_on_hold"))
                    .expectNoEvents();
        }

        @Test
        void openDisputeKeepsItsHoldWhenTheOwnerHoldIsReleased() {
            fixture.given(opened(), heldByOwner(), heldByDispute(DISPUTE_REF))
                    .when(release(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(releasedByOwner(HoldReason.OWNER));
        }

        @Test
        void openDisputeStillHoldsTheEntryAfterTheOwnerRelease() {
            fixture.given(opened(), heldByOwner(), heldByDispute(DISPUTE_REF), releasedByOwner(HoldReason.OWNER))
                    .when(markReviewed(3))
                    .expectException(violation("on_hold"))
                    .expectNoEvents();
        }

        @Test
        void entryNotOnHoldIsRefused() {
            fixture.given(opened())
                    .when(release(0))
                    .expectException(violation("not_on_hold"))
                    .expectNoEvents();
        }

        @Test
        void entryHeldOnlyByAnOpenDisputeIsRefused() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(release(1))
                    .expectException(violation("dispute_open"))
                    .expectNoEvents();
        }

        @Test
        void entryHeldOnlyByADisputeAfterTheOwnerReleaseIsRefused() {
            fixture.given(opened(), heldByOwner(), heldByDispute(DISPUTE_REF), releasedByOwner(HoldReason.OWNER))
                    .when(release(3))
                    .expectException(violation("dispute_open"))
                    .expectNoEvents();
        }

        @Test
        void wrongConfirmationIsRefused() {
            fixture.given(opened(), heldByOwner())
                    .when(release(PUBLISHER, 1L, "Release hold on commission " + OTHER_ENTRY.value()))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void missingConfirmationIsRefused() {
            fixture.given(opened(), heldByOwner())
                    .when(release(PUBLISHER, 1L, null))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void olderVersionIsStale() {
            fixture.given(opened(), heldByOwner())
                    .when(release(0))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void newerVersionIsStale() {
            fixture.given(opened(), heldByOwner())
                    .when(release(2))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherSeesNothing() {
            fixture.given(opened(), heldByOwner())
                    .when(release(OTHER_PUBLISHER, 1L, releasePhrase()))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void reversedEntryIsRefused() {
            fixture.given(opened(), heldByOwner(), ownerReversalLine(2, 270), reversedByOwner())
                    .when(release(3))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }
    }

    // ---- ReverseCommission ----------------------------------------------------------------------------------

    @Nested
    class ReverseCommissionCommand {

        @Test
        void openEntryIsReversedByANewLineForTheWholeCommission() {
            fixture.given(opened())
                    .when(reverse(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ownerReversalLine(2, 270), reversedByOwner());
        }

        @Test
        void heldEntryIsReversed() {
            fixture.given(opened(), heldByOwner())
                    .when(reverse(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ownerReversalLine(2, 270), reversedByOwner());
        }

        @Test
        void reviewedEntryIsReversed() {
            fixture.given(opened(), reviewed())
                    .when(reverse(1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ownerReversalLine(2, 270), reversedByOwner());
        }

        @Test
        void afterAPartialRefundOnlyTheRemainderIsReversedOnTheNextLine() {
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(reverse(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ownerReversalLine(3, 180), reversedByOwner());
        }

        @Test
        void afterTwoPartialRefundsOnlyTheRemainderIsReversedOnTheNextLine() {
            fixture.given(concat(events(opened()), firstPartialRefund(),
                            events(refundLine(3, 90, SECOND_REFUND_EVIDENCE, SECOND_REFUND_AT))))
                    .when(reverse(3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ownerReversalLine(4, 90), reversedByOwner());
        }

        @Test
        void entryOfZeroIsReversedWithoutAZeroLine() {
            fixture.given(opened(CHECKOUT, PAID, 0, usd(0)))
                    .when(reverse(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reversedByOwner());
        }

        @Test
        void reasonIsStrippedAndConfirmedStripped() {
            fixture.given(opened())
                    .when(reverse(PUBLISHER, 0L, "\t" + REVERSE_REASON + " ", reversePhrase(REVERSE_REASON)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(ownerReversalLine(2, 270), reversedByOwner());
        }

        @Test
        void reversedEntryCannotBeReversedAgain() {
            fixture.given(concat(events(opened()), reversedWholeByOwner()))
                    .when(reverse(2))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }

        @Test
        void reverseSentTwiceIsRefusedTheSecondTime() {
            fixture.givenCommands(open(), reverse(0))
                    .when(reverse(2))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }

        @Test
        void entryReversedByAFullRefundCannotBeReversedByTheOwner() {
            fixture.given(opened(), heldByRefund(FULL_REFUND_EVIDENCE, FULL_REFUND_AT),
                            refundLine(2, 270, FULL_REFUND_EVIDENCE, FULL_REFUND_AT), reversedByRefund())
                    .when(reverse(3))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }

        @Test
        void blankReasonIsRefused() {
            fixture.given(opened())
                    .when(reverse(PUBLISHER, 0L, " ", reversePhrase(" ")))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void missingReasonIsRefused() {
            fixture.given(opened())
                    .when(reverse(PUBLISHER, 0L, null, reversePhrase("null")))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void reasonOf201CharactersIsRefused() {
            String reason = "r".repeat(201);
            fixture.given(opened())
                    .when(reverse(PUBLISHER, 0L, reason, reversePhrase(reason)))
                    .expectException(violation("reason_required"))
                    .expectNoEvents();
        }

        @Test
        void confirmationForAnotherReasonIsRefused() {
            fixture.given(opened())
                    .when(reverse(PUBLISHER, 0L, REVERSE_REASON, reversePhrase("Duplicate")))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void missingConfirmationIsRefused() {
            fixture.given(opened())
                    .when(reverse(PUBLISHER, 0L, REVERSE_REASON, null))
                    .expectException(violation("confirmation_required"))
                    .expectNoEvents();
        }

        @Test
        void olderVersionIsStale() {
            fixture.given(opened(), heldByOwner())
                    .when(reverse(0))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void newerVersionIsStale() {
            fixture.given(opened(), heldByOwner())
                    .when(reverse(2))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherSeesNothing() {
            fixture.given(opened())
                    .when(reverse(OTHER_PUBLISHER, 0L, REVERSE_REASON, reversePhrase(REVERSE_REASON)))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }
    }

    // ---- RecordCommissionRefund -----------------------------------------------------------------------------

    @Nested
    class RecordCommissionRefundCommand {

        @Test
        void aRefundTooSmallToChangeTheRoundedCommissionStillHoldsTheEntry() {
            // 999 paid at 3333 bps earns 332; after a 1 cent refund 998 still earns 332: nothing to reverse
            fixture.given(opened(CHECKOUT, usd(999), 3333, usd(332)))
                    .when(refund(usd(1), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT));
        }

        @Test
        void aFullRefundOfAZeroCommissionStillReversesTheEntry() {
            fixture.given(opened(CHECKOUT, usd(3), 3000, usd(0)))
                    .when(refund(usd(3), FULL_REFUND_EVIDENCE, FULL_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByRefund(FULL_REFUND_EVIDENCE, FULL_REFUND_AT),
                            new CommissionReversed(ENTRY, PUBLISHER, "refunded", null, FULL_REFUND_EVIDENCE,
                                    FULL_REFUND_AT));
        }

        @Test
        void aRefundInAnotherCurrencyChangesNothing() {
            fixture.given(opened())
                    .when(refund(Money.of(300, "EUR"), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void partialRefundHoldsTheEntryAndReversesInProportion() {
            // earned after the refund: floor(600 x 3000 / 10000) = 180, so 270 - 180 = 90 is reversed
            fixture.given(opened())
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(firstPartialRefund());
        }

        @Test
        void secondPartialRefundOnlyAddsAFurtherLine() {
            // cumulative 600: earned floor(300 x 0.3) = 90, so 180 reversed in all, 90 of it new, on line 3
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(refund(usd(600), SECOND_REFUND_EVIDENCE, SECOND_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(refundLine(3, 90, SECOND_REFUND_EVIDENCE, SECOND_REFUND_AT));
        }

        @Test
        void fullRefundReversesTheRemainderAndTheEntry() {
            fixture.given(concat(events(opened()), firstPartialRefund(),
                            events(refundLine(3, 90, SECOND_REFUND_EVIDENCE, SECOND_REFUND_AT))))
                    .when(refund(PAID, FULL_REFUND_EVIDENCE, FULL_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(refundLine(4, 90, FULL_REFUND_EVIDENCE, FULL_REFUND_AT), reversedByRefund());
        }

        @Test
        void fullRefundAfterOnePartialReversesTheRemainder() {
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(refund(PAID, FULL_REFUND_EVIDENCE, FULL_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(refundLine(3, 180, FULL_REFUND_EVIDENCE, FULL_REFUND_AT), reversedByRefund());
        }

        @Test
        void fullRefundAtOnceHoldsAndReversesTheWholeCommission() {
            fixture.given(opened())
                    .when(refund(PAID, FULL_REFUND_EVIDENCE, FULL_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByRefund(FULL_REFUND_EVIDENCE, FULL_REFUND_AT),
                            refundLine(2, 270, FULL_REFUND_EVIDENCE, FULL_REFUND_AT), reversedByRefund());
        }

        @Test
        void fullRefundReversesExactlyWhatWasRoundedDown() {
            // 999 at 3333 earns 332; a refund of 500 leaves floor(499 x 0.3333) = 166, so 166 is reversed
            fixture.given(opened(CHECKOUT, usd(999), 3333, usd(332)),
                            heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT),
                            refundLine(2, 166, FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .when(refund(usd(999), FULL_REFUND_EVIDENCE, FULL_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(refundLine(3, 166, FULL_REFUND_EVIDENCE, FULL_REFUND_AT), reversedByRefund());
        }

        @Test
        void partialRefundOfARoundedCommissionReversesTheDifference() {
            fixture.given(opened(CHECKOUT, usd(999), 3333, usd(332)))
                    .when(refund(usd(500), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT),
                            refundLine(2, 166, FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT));
        }

        @Test
        void partialRefundOfAnOwnerHeldEntryAddsTheRefundHold() {
            fixture.given(opened(), heldByOwner())
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByRefund(FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT),
                            refundLine(2, 90, FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT));
        }

        @Test
        void redeliveredRefundChangesNothing() {
            fixture.given(concat(events(opened()), firstPartialRefund()))
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refundSentTwiceChangesNothingTheSecondTime() {
            fixture.givenCommands(open(), refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void olderCumulativeRefundArrivingLateChangesNothing() {
            fixture.given(concat(events(opened()), firstPartialRefund(),
                            events(refundLine(3, 90, SECOND_REFUND_EVIDENCE, SECOND_REFUND_AT))))
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refundOfAnEntryReversedByTheOwnerChangesNothing() {
            fixture.given(concat(events(opened()), reversedWholeByOwner()))
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void redeliveredFullRefundChangesNothing() {
            fixture.given(opened(), heldByRefund(FULL_REFUND_EVIDENCE, FULL_REFUND_AT),
                            refundLine(2, 270, FULL_REFUND_EVIDENCE, FULL_REFUND_AT), reversedByRefund())
                    .when(refund(PAID, FULL_REFUND_EVIDENCE, FULL_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refundOfAnEntryReversedByALostDisputeChangesNothing() {
            fixture.given(opened(), disputeLostLine(2, 270), reversedByLostDispute())
                    .when(refund(usd(300), FIRST_REFUND_EVIDENCE, FIRST_REFUND_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ---- RecordCommissionDispute ----------------------------------------------------------------------------

    @Nested
    class RecordCommissionDisputeCommand {

        @Test
        void openedDisputeHoldsTheEntry() {
            fixture.given(opened())
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByDispute(DISPUTE_REF));
        }

        @Test
        void disputeOpenedAgainChangesNothing() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherDisputeHoldsTheEntryToo() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(openDispute(OTHER_DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heldByDispute(OTHER_DISPUTE_REF));
        }

        @Test
        void wonDisputeReleasesItsHold() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(closeDispute(DISPUTE_REF, "won"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(releasedByWonDispute(DISPUTE_REF));
        }

        @Test
        void entryReleasedByAWonDisputeCanBeMarkedReviewed() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF), releasedByWonDispute(DISPUTE_REF))
                    .when(markReviewed(2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reviewed());
        }

        @Test
        void wonDisputeLeavesTheOwnerHold() {
            fixture.given(opened(), heldByOwner(), heldByDispute(DISPUTE_REF), releasedByWonDispute(DISPUTE_REF))
                    .when(release(3))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(releasedByOwner(HoldReason.OWNER));
        }

        @Test
        void oneWonDisputeLeavesTheOtherOpenDisputeHolding() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF), heldByDispute(OTHER_DISPUTE_REF),
                            releasedByWonDispute(DISPUTE_REF))
                    .when(release(3))
                    .expectException(violation("dispute_open"))
                    .expectNoEvents();
        }

        @Test
        void wonDisputeOfAnUnknownRefChangesNothing() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(closeDispute(OTHER_DISPUTE_REF, "won"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void wonDisputeWithoutAnyHoldChangesNothing() {
            fixture.given(opened())
                    .when(closeDispute(DISPUTE_REF, "won"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void wonDisputeClosedAgainChangesNothing() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF), releasedByWonDispute(DISPUTE_REF))
                    .when(closeDispute(DISPUTE_REF, "won"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void lostDisputeReversesTheWholeCommission() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF))
                    .when(closeDispute(DISPUTE_REF, "lost"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeLostLine(2, 270), reversedByLostDispute());
        }

        @Test
        void lostDisputeAfterAPartialRefundReversesOnlyTheRemainder() {
            fixture.given(concat(events(opened()), firstPartialRefund(), events(heldByDispute(DISPUTE_REF))))
                    .when(closeDispute(DISPUTE_REF, "lost"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(disputeLostLine(3, 180), reversedByLostDispute());
        }

        @Test
        void lostDisputeReversesTheEntryForGood() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF), disputeLostLine(2, 270), reversedByLostDispute())
                    .when(reverse(3))
                    .expectException(violation("already_reversed"))
                    .expectNoEvents();
        }

        @Test
        void lostDisputeClosedAgainChangesNothing() {
            fixture.given(opened(), heldByDispute(DISPUTE_REF), disputeLostLine(2, 270), reversedByLostDispute())
                    .when(closeDispute(DISPUTE_REF, "lost"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void disputeOpenedOnAReversedEntryChangesNothing() {
            fixture.given(concat(events(opened()), reversedWholeByOwner()))
                    .when(openDispute(DISPUTE_REF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void disputeWonOnAReversedEntryChangesNothing() {
            fixture.given(concat(events(opened(), heldByDispute(DISPUTE_REF)),
                            events(ownerReversalLine(2, 270), reversedByOwner())))
                    .when(closeDispute(DISPUTE_REF, "won"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void disputeLostOnAReversedEntryChangesNothing() {
            fixture.given(concat(events(opened(), heldByDispute(DISPUTE_REF)),
                            events(ownerReversalLine(2, 270), reversedByOwner())))
                    .when(closeDispute(DISPUTE_REF, "lost"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
