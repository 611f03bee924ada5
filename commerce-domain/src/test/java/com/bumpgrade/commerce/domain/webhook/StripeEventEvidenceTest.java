package com.bumpgrade.commerce.domain.webhook;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;

class StripeEventEvidenceTest {

    /** A fixed clock value: every timestamp in these tests is derived from it. */
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant STRIPE_CREATED_AT = NOW.minusSeconds(2);
    private static final Instant REDELIVERED_AT = NOW.plus(Duration.ofMinutes(5));
    private static final Instant ATTRIBUTED_AT = NOW.plusSeconds(1);
    private static final Instant CONCLUDED_AT = NOW.plusSeconds(3);
    private static final Instant REDRIVE_AT = NOW.plus(Duration.ofHours(1));

    private static final String STRIPE_EVENT_ID = "evt_1QxYzAbCdEfGhIjKlMnOpQrS";
    private static final WebhookEvidenceId ID = WebhookEvidenceId.forStripeEvent(STRIPE_EVENT_ID);
    private static final String EVENT_TYPE = "checkout.session.completed";
    private static final String API_VERSION = "2025-05-28.basil";
    private static final String PAYLOAD_SHA = "a".repeat(64);
    private static final String OTHER_PAYLOAD_SHA = "b".repeat(64);
    private static final String THIRD_PAYLOAD_SHA = "c".repeat(64);

    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final String SUBJECT_TYPE = "checkout_intent";
    private static final String SUBJECT_ID = "chk_0123456789abcdef0123456789abcdef";

    private static final BillingContext OWNER_CONTEXT = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("dashboard"), CorrelationId.of("corr-redrive"), IdempotencyKey.of("idem-redrive"));

    private FixtureConfiguration<StripeEventEvidence> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StripeEventEvidence.class);
    }

    // ---- commands -------------------------------------------------------------------------------------------

    private static RecordStripeEvent record(String payloadSha256, Instant receivedAt) {
        return new RecordStripeEvent(ID, EVENT_TYPE, false, API_VERSION, STRIPE_CREATED_AT, receivedAt,
                payloadSha256, Verification.VERIFIED);
    }

    private static ConcludeStripeEvent conclude(EvidenceOutcome outcome, String reason, PublisherId publisher) {
        return new ConcludeStripeEvent(ID, outcome, reason, publisher, publisher == null ? null : SUBJECT_TYPE,
                publisher == null ? null : SUBJECT_ID, CONCLUDED_AT);
    }

    private static AttributeStripeEvent attribute(PublisherId publisher) {
        return new AttributeStripeEvent(ID, publisher, SUBJECT_TYPE, SUBJECT_ID, ATTRIBUTED_AT);
    }

    private static RequestStripeEventRedrive redrive(PublisherId publisher, Long expectedVersion) {
        return new RequestStripeEventRedrive(ID, publisher, expectedVersion, OWNER_CONTEXT, REDRIVE_AT);
    }

    // ---- events ---------------------------------------------------------------------------------------------

    private static StripeEventReceived received() {
        return new StripeEventReceived(ID, EVENT_TYPE, false, API_VERSION, STRIPE_CREATED_AT, NOW, PAYLOAD_SHA,
                Verification.VERIFIED);
    }

    private static StripeEventPayloadMismatchFlagged flagged(String payloadSha256) {
        return new StripeEventPayloadMismatchFlagged(ID, payloadSha256, REDELIVERED_AT, null);
    }

    private static StripeEventConcluded concluded(EvidenceOutcome outcome, String reason, PublisherId publisher) {
        return new StripeEventConcluded(ID, EVENT_TYPE, outcome, reason, publisher,
                publisher == null ? null : SUBJECT_TYPE, publisher == null ? null : SUBJECT_ID, CONCLUDED_AT, null);
    }

    private static StripeEventAttributed attributed(PublisherId publisher) {
        return new StripeEventAttributed(ID, publisher, SUBJECT_TYPE, SUBJECT_ID, ATTRIBUTED_AT);
    }

    private static StripeEventRedriveRequested redriveRequested(PublisherId publisher) {
        return new StripeEventRedriveRequested(ID, EVENT_TYPE, publisher, OWNER_CONTEXT, REDRIVE_AT);
    }

    // ---- RecordNewStripeEvent -------------------------------------------------------------------------------

    @Nested
    class RecordNewStripeEventCommand {

        private RecordNewStripeEvent recordNew() {
            return new RecordNewStripeEvent(ID, EVENT_TYPE, false, API_VERSION, STRIPE_CREATED_AT, NOW, PAYLOAD_SHA,
                    Verification.VERIFIED);
        }

        @Test
        void aNewEventIsReceivedWithoutReadingTheStore() {
            fixture.givenNoPriorActivity()
                    .when(recordNew())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(received());
        }

        @Test
        void evidenceThatAlreadyExistsIsNotCreatedAgain() {
            fixture.given(received())
                    .when(recordNew())
                    .expectException(Exception.class)
                    .expectNoEvents();
        }
    }

    // ---- RecordStripeEvent ----------------------------------------------------------------------------------

    @Nested
    class RecordStripeEventCommand {

        @Test
        void firstDeliveryIsReceived() {
            fixture.givenNoPriorActivity()
                    .when(record(PAYLOAD_SHA, NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(received())
                    .expectResultMessagePayload(RecordedDelivery.FIRST);
        }

        @Test
        void unverifiedFirstDeliveryIsKeptAsEvidenceToo() {
            fixture.givenNoPriorActivity()
                    .when(new RecordStripeEvent(ID, EVENT_TYPE, false, API_VERSION, STRIPE_CREATED_AT, NOW,
                            PAYLOAD_SHA, Verification.UNVERIFIED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StripeEventReceived(ID, EVENT_TYPE, false, API_VERSION, STRIPE_CREATED_AT, NOW,
                            PAYLOAD_SHA, Verification.UNVERIFIED))
                    .expectResultMessagePayload(RecordedDelivery.FIRST);
        }

        @Test
        void redeliveryWithTheSamePayloadIsADuplicate() {
            fixture.given(received())
                    .when(record(PAYLOAD_SHA, REDELIVERED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordedDelivery.DUPLICATE);
        }

        @Test
        void redeliveryWithTheSamePayloadAfterConclusionIsStillADuplicate() {
            fixture.given(received(), concluded(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .when(record(PAYLOAD_SHA, REDELIVERED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordedDelivery.DUPLICATE);
        }

        @Test
        void redeliveryWithADifferentPayloadIsFlagged() {
            fixture.given(received())
                    .when(record(OTHER_PAYLOAD_SHA, REDELIVERED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(flagged(OTHER_PAYLOAD_SHA))
                    .expectResultMessagePayload(RecordedDelivery.PAYLOAD_MISMATCH);
        }

        @Test
        void sameDifferentPayloadAgainIsReportedButNotFlaggedTwice() {
            fixture.given(received(), flagged(OTHER_PAYLOAD_SHA))
                    .when(record(OTHER_PAYLOAD_SHA, REDELIVERED_AT.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordedDelivery.PAYLOAD_MISMATCH);
        }

        @Test
        void sameDifferentPayloadAgainThroughTheCommandsIsNotFlaggedTwice() {
            fixture.given(received())
                    .andGivenCommands(record(OTHER_PAYLOAD_SHA, REDELIVERED_AT))
                    .when(record(OTHER_PAYLOAD_SHA, REDELIVERED_AT.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordedDelivery.PAYLOAD_MISMATCH);
        }

        @Test
        void aThirdDistinctPayloadIsFlaggedOnItsOwn() {
            fixture.given(received(), flagged(OTHER_PAYLOAD_SHA))
                    .when(record(THIRD_PAYLOAD_SHA, REDELIVERED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(flagged(THIRD_PAYLOAD_SHA))
                    .expectResultMessagePayload(RecordedDelivery.PAYLOAD_MISMATCH);
        }

        @Test
        void aMismatchOfAttributedEvidenceNamesItsPublisherForTheAuditTrail() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(record(OTHER_PAYLOAD_SHA, REDELIVERED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StripeEventPayloadMismatchFlagged(ID, OTHER_PAYLOAD_SHA, REDELIVERED_AT,
                            PUBLISHER));
        }

        @Test
        void firstPayloadIsStillADuplicateAfterAMismatchWasFlagged() {
            fixture.given(received(), flagged(OTHER_PAYLOAD_SHA))
                    .when(record(PAYLOAD_SHA, REDELIVERED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(RecordedDelivery.DUPLICATE);
        }
    }

    // ---- ConcludeStripeEvent --------------------------------------------------------------------------------

    @Nested
    class ConcludeStripeEventCommand {

        @Test
        void firstConclusionIsRecordedWithTheReceivedEventType() {
            fixture.given(received())
                    .when(conclude(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(concluded(EvidenceOutcome.PROCESSED, "paid", PUBLISHER));
        }

        @Test
        void unattributedConclusionIsRecorded() {
            fixture.given(received())
                    .when(conclude(EvidenceOutcome.UNMATCHED, "unknown_checkout_session", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(concluded(EvidenceOutcome.UNMATCHED, "unknown_checkout_session", null));
        }

        @Test
        void aConclusionAfterARedriveIsTheRedrivesOutcomeWithTheOwnersContext() {
            fixture.given(received(), attributed(PUBLISHER), redriveRequested(PUBLISHER))
                    .when(conclude(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StripeEventConcluded(ID, EVENT_TYPE, EvidenceOutcome.PROCESSED, "paid",
                            PUBLISHER, SUBJECT_TYPE, SUBJECT_ID, CONCLUDED_AT, OWNER_CONTEXT));
        }

        @Test
        void secondConclusionKeepsTheFirst() {
            fixture.given(received(), concluded(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .when(conclude(EvidenceOutcome.IGNORED, "already_paid", PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void secondConclusionThroughTheCommandsKeepsTheFirst() {
            fixture.given(received())
                    .andGivenCommands(conclude(EvidenceOutcome.REJECTED, "amount_mismatch", PUBLISHER))
                    .when(conclude(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void conclusionOfUnknownEvidenceIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(conclude(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // ---- AttributeStripeEvent -------------------------------------------------------------------------------

    @Nested
    class AttributeStripeEventCommand {

        @Test
        void firstAttributionIsRecorded() {
            fixture.given(received())
                    .when(attribute(PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(attributed(PUBLISHER));
        }

        @Test
        void secondAttributionChangesNothing() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(attribute(PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void attributionToAnotherPublisherAfterwardsChangesNothing() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(attribute(OTHER_PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void attributionAfterAnAttributedConclusionChangesNothing() {
            fixture.given(received(), concluded(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .when(attribute(PUBLISHER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ---- RequestStripeEventRedrive --------------------------------------------------------------------------

    @Nested
    class RequestStripeEventRedriveCommand {

        @Test
        void redriveAtTheCurrentVersionIsRequested() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(redrive(PUBLISHER, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(redriveRequested(PUBLISHER));
        }

        @Test
        void redriveOfUnattributedEvidenceIsNotFound() {
            fixture.given(received())
                    .when(redrive(PUBLISHER, 0L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void versionCountsEveryEvent() {
            fixture.given(received(), flagged(OTHER_PAYLOAD_SHA), attributed(PUBLISHER), redriveRequested(PUBLISHER))
                    .when(redrive(PUBLISHER, 3L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(redriveRequested(PUBLISHER));
        }

        @Test
        void olderVersionIsStale() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(redrive(PUBLISHER, 0L))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void futureVersionIsStale() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(redrive(PUBLISHER, 5L))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void missingVersionIsStale() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(redrive(PUBLISHER, null))
                    .expectException(violation("stale_version"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherAfterAttributionIsNotFound() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(redrive(OTHER_PUBLISHER, 1L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherWithAStaleVersionStillSeesNothing() {
            fixture.given(received(), attributed(PUBLISHER))
                    .when(redrive(OTHER_PUBLISHER, 7L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void anotherPublisherOfAnAttributedConclusionIsNotFound() {
            fixture.given(received(), concluded(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .when(redrive(OTHER_PUBLISHER, 1L))
                    .expectException(violation("not_found"))
                    .expectNoEvents();
        }

        @Test
        void concludedEventIsAlreadyConcluded() {
            fixture.given(received(), concluded(EvidenceOutcome.PROCESSED, "paid", PUBLISHER))
                    .when(redrive(PUBLISHER, 1L))
                    .expectException(violation("already_concluded"))
                    .expectNoEvents();
        }

        @Test
        void concludedEventAfterAttributionIsAlreadyConcluded() {
            fixture.given(received(), attributed(PUBLISHER), concluded(EvidenceOutcome.REJECTED, "amount_mismatch",
                            PUBLISHER))
                    .when(redrive(PUBLISHER, 2L))
                    .expectException(violation("already_concluded"))
                    .expectNoEvents();
        }

        @Test
        void unknownEvidenceIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(redrive(PUBLISHER, 0L))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // ---- WebhookEvidenceId.forStripeEvent -------------------------------------------------------------------

    @Nested
    class EvidenceIdDerivation {

        @Test
        void sameStripeEventAlwaysGivesTheSameId() {
            assertThat(WebhookEvidenceId.forStripeEvent(STRIPE_EVENT_ID))
                    .isEqualTo(WebhookEvidenceId.forStripeEvent(STRIPE_EVENT_ID))
                    .isEqualTo(ID);
        }

        @Test
        void derivedIdIsWellFormed() {
            String value = WebhookEvidenceId.forStripeEvent(STRIPE_EVENT_ID).value();
            assertThat(value).matches("whk_[0-9a-f]{32}");
            assertThat(WebhookEvidenceId.isWellFormed(value)).isTrue();
            assertThat(WebhookEvidenceId.of(value)).isEqualTo(ID);
        }

        @Test
        void differentStripeEventsGiveDifferentIds() {
            assertThat(WebhookEvidenceId.forStripeEvent("evt_1QxYzAbCdEfGhIjKlMnOpQrT")).isNotEqualTo(ID);
            assertThat(WebhookEvidenceId.forStripeEvent("evt_1")).isNotEqualTo(WebhookEvidenceId.forStripeEvent("evt_2"));
        }

        @Test
        void idDoesNotRevealTheStripeEventId() {
            String value = WebhookEvidenceId.forStripeEvent(STRIPE_EVENT_ID).value();
            assertThat(value).doesNotContain(STRIPE_EVENT_ID)
                    .doesNotContain(STRIPE_EVENT_ID.substring("evt_".length()))
                    .doesNotContain("evt_");
            assertThat(WebhookEvidenceId.forStripeEvent(STRIPE_EVENT_ID).toString()).isEqualTo(value);
        }

        @Test
        void hexLookingStripeIdIsNotCopiedIntoTheEvidenceId() {
            String hexTail = "0123456789abcdef0123456789abcdef";
            String value = WebhookEvidenceId.forStripeEvent("evt_" + hexTail).value();
            assertThat(value).isNotEqualTo("whk_" + hexTail).doesNotContain(hexTail);
        }
    }
}
