package com.bumpgrade.commerce.domain.revocation;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/** Every transition of a revocation intent (proposed -> recorded | dismissed; recorded -> cancelled) and refusal. */
class RevocationIntentTest {
    private static final Instant OPENED_AT = Instant.parse("2025-06-02T12:00:00Z");
    private static final Instant ACTED_AT = OPENED_AT.plus(Duration.ofHours(1));
    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final OfferId OFFER = OfferId.of("launch-pass");
    private static final EntitlementId ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, OFFER);
    private static final RevocationIntentId INTENT = RevocationIntentId.forEntitlement(ENTITLEMENT.value(), 1);
    private static final WebhookEvidenceId REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund");
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("dashboard"), CorrelationId.of("corr-1"), IdempotencyKey.of("idem-1"));
    private static final String CONFIRM = "Confirm revocation intent " + INTENT.value() + " for entitlement "
            + ENTITLEMENT.value();
    private static final String DISMISS = "Dismiss revocation intent " + INTENT.value() + " for entitlement "
            + ENTITLEMENT.value();
    private static final String CANCEL = "Cancel revocation intent " + INTENT.value() + " for entitlement "
            + ENTITLEMENT.value();

    private FixtureConfiguration<RevocationIntent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RevocationIntent.class);
    }

    private static StartRevocationIntent start(boolean proposed) {
        return new StartRevocationIntent(INTENT, PUBLISHER, ENTITLEMENT, CHECKOUT, OFFER, proposed,
                proposed ? "full_refund" : "Fraud", proposed ? null : OWNER, proposed ? REFUND_EVIDENCE : null,
                OPENED_AT);
    }

    private static RevocationIntentProposed proposed() {
        return new RevocationIntentProposed(INTENT, PUBLISHER, ENTITLEMENT, CHECKOUT, OFFER, "full_refund",
                REFUND_EVIDENCE, OPENED_AT);
    }

    private static RevocationIntentRecorded recorded() {
        return new RevocationIntentRecorded(INTENT, PUBLISHER, ENTITLEMENT, CHECKOUT, OFFER, "Fraud", OWNER, OPENED_AT);
    }

    private static RevocationIntentConfirmed confirmed() {
        return new RevocationIntentConfirmed(INTENT, PUBLISHER, ENTITLEMENT, OWNER, ACTED_AT);
    }

    private static RevocationIntentDismissed dismissed() {
        return new RevocationIntentDismissed(INTENT, PUBLISHER, ENTITLEMENT, OWNER, ACTED_AT);
    }

    private static RevocationIntentCancelled cancelled() {
        return new RevocationIntentCancelled(INTENT, PUBLISHER, ENTITLEMENT, OWNER, ACTED_AT);
    }

    private static ConfirmRevocationIntent confirm(long version) {
        return new ConfirmRevocationIntent(INTENT, PUBLISHER, version, CONFIRM, OWNER, ACTED_AT);
    }

    private static DismissRevocationIntent dismiss(long version) {
        return new DismissRevocationIntent(INTENT, PUBLISHER, version, DISMISS, OWNER, ACTED_AT);
    }

    private static CancelRevocationIntent cancel(long version) {
        return new CancelRevocationIntent(INTENT, PUBLISHER, version, CANCEL, OWNER, ACTED_AT);
    }

    @Nested
    class Starting {
        @Test
        void a_proposal_is_proposed_with_its_evidence() {
            fixture.givenNoPriorActivity().when(start(true)).expectEvents(proposed()).expectResultMessagePayload(true);
        }

        @Test
        void an_owners_record_is_recorded_with_its_source() {
            fixture.givenNoPriorActivity().when(start(false)).expectEvents(recorded());
        }

        @Test
        void a_second_start_changes_nothing() {
            fixture.given(proposed(), dismissed()).when(start(true)).expectNoEvents().expectResultMessagePayload(false);
        }
    }

    @Nested
    class A_proposed_intent {
        @Test
        void is_confirmed_into_recorded() {
            fixture.given(proposed()).when(confirm(0)).expectEvents(confirmed());
        }

        @Test
        void is_dismissed() {
            fixture.given(proposed()).when(dismiss(0)).expectEvents(dismissed());
        }

        @Test
        void cannot_be_cancelled() {
            fixture.given(proposed()).when(cancel(0))
                    .expectException(violation("revocation_not_recorded")).expectNoEvents();
        }

        @Test
        void refuses_a_stale_version() {
            fixture.given(proposed()).when(confirm(3)).expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void refuses_a_wrong_phrase() {
            fixture.given(proposed())
                    .when(new ConfirmRevocationIntent(INTENT, PUBLISHER, 0L, DISMISS, OWNER, ACTED_AT))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void refuses_a_missing_phrase() {
            fixture.given(proposed())
                    .when(new DismissRevocationIntent(INTENT, PUBLISHER, 0L, null, OWNER, ACTED_AT))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void answers_another_publisher_like_a_missing_intent() {
            fixture.given(proposed())
                    .when(new ConfirmRevocationIntent(INTENT, OTHER_PUBLISHER, 0L, CONFIRM, OWNER, ACTED_AT))
                    .expectException(violation("not_found")).expectNoEvents();
        }
    }

    @Nested
    class A_recorded_intent {
        @Test
        void is_cancelled() {
            fixture.given(recorded()).when(cancel(0)).expectEvents(cancelled());
        }

        @Test
        void once_confirmed_is_cancelled() {
            fixture.given(proposed(), confirmed()).when(cancel(1)).expectEvents(cancelled());
        }

        @Test
        void cannot_be_confirmed_or_dismissed_again() {
            fixture.given(proposed(), confirmed()).when(confirm(1))
                    .expectException(violation("revocation_not_proposed")).expectNoEvents();
            fixture.given(recorded()).when(dismiss(0))
                    .expectException(violation("revocation_not_proposed")).expectNoEvents();
        }
    }

    @Nested
    class A_closed_intent {
        @Test
        void dismissed_refuses_every_action() {
            fixture.given(proposed(), dismissed()).when(confirm(1))
                    .expectException(violation("revocation_not_proposed")).expectNoEvents();
            fixture.given(proposed(), dismissed()).when(cancel(1))
                    .expectException(violation("revocation_not_recorded")).expectNoEvents();
        }

        @Test
        void cancelled_cannot_be_cancelled_again() {
            fixture.given(recorded(), cancelled()).when(cancel(1))
                    .expectException(violation("revocation_not_recorded")).expectNoEvents();
        }
    }
}
