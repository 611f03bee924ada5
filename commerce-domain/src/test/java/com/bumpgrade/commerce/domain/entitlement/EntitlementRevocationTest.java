package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entitlement's side of revocation intents (D60): it holds the one open slot, counts its intents to derive
 * their ids, lets money events propose once, and never changes access because of an intent.
 */
class EntitlementRevocationTest {
    private static final Instant GRANTED_AT = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant OPENED_AT = GRANTED_AT.plus(Duration.ofDays(1));
    private static final Instant CLOSED_AT = GRANTED_AT.plus(Duration.ofDays(2));
    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final PublisherId OTHER_PUBLISHER = PublisherId.of("pub_other");
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final OfferId OFFER = OfferId.of("launch-pass");
    private static final EntitlementId ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, OFFER);
    private static final CustomerId CUSTOMER = CustomerId.forGuestCheckout(CHECKOUT);
    private static final WebhookEvidenceId PAID_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Paid");
    private static final WebhookEvidenceId REFUND_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Refund");
    private static final WebhookEvidenceId DISPUTE_EVIDENCE = WebhookEvidenceId.forStripeEvent("evt_1Lost");
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("dashboard"), CorrelationId.of("corr-1"), IdempotencyKey.of("idem-1"));
    private static final RevocationIntentId FIRST = RevocationIntentId.forEntitlement(ENTITLEMENT.value(), 1);
    private static final RevocationIntentId SECOND = RevocationIntentId.forEntitlement(ENTITLEMENT.value(), 2);
    private static final String REASON = "Chargeback fraud ring";
    private static final String PHRASE = "Record revocation intent for entitlement " + ENTITLEMENT.value() + ": "
            + REASON;

    private FixtureConfiguration<Entitlement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entitlement.class);
    }

    private static EntitlementGranted granted() {
        return new EntitlementGranted(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, CUSTOMER, Access.ACTIVE, PAID_EVIDENCE,
                GRANTED_AT);
    }

    private static FulfillmentQueued queued() {
        return new FulfillmentQueued(ENTITLEMENT, PUBLISHER, "pending", GRANTED_AT, PAID_EVIDENCE);
    }

    private static OpenRevocationIntent byOwner(long version, String confirmation) {
        return OpenRevocationIntent.byOwner(ENTITLEMENT, PUBLISHER, version, REASON, confirmation, OWNER, OPENED_AT);
    }

    private static RevocationIntentOpened ownerOpened(RevocationIntentId id, int ordinal) {
        return new RevocationIntentOpened(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, id, ordinal, false, REASON, OWNER,
                null, OPENED_AT);
    }

    private static RevocationIntentOpened proposedOpened(WebhookEvidenceId evidence) {
        return new RevocationIntentOpened(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, FIRST, 1, true,
                RevocationReason.FULL_REFUND, null, evidence, OPENED_AT);
    }

    private static OpenRevocationIntent fromMoney(String reason, WebhookEvidenceId evidence) {
        return OpenRevocationIntent.fromMoney(ENTITLEMENT, PUBLISHER, reason, evidence, OPENED_AT);
    }

    @Test
    void the_ids_are_derived_from_the_entitlement_and_the_count() {
        assertThat(FIRST.value()).matches("rvk_[0-9a-f]{32}").isNotEqualTo(SECOND.value());
        assertThat(RevocationIntentId.forEntitlement(ENTITLEMENT.value(), 1)).isEqualTo(FIRST);
    }

    @Nested
    class An_owners_record {
        @Test
        void with_the_phrase_at_the_current_version_opens_the_first_intent() {
            fixture.given(granted(), queued())
                    .when(byOwner(1, PHRASE))
                    .expectEvents(ownerOpened(FIRST, 1))
                    .expectResultMessagePayload(new RevocationOpening(FIRST, true));
        }

        @Test
        void at_a_stale_version_is_refused() {
            fixture.given(granted(), queued()).when(byOwner(0, PHRASE))
                    .expectException(violation("stale_version")).expectNoEvents();
        }

        @Test
        void with_a_wrong_phrase_is_refused() {
            fixture.given(granted(), queued()).when(byOwner(1, PHRASE + "!"))
                    .expectException(violation("confirmation_required")).expectNoEvents();
        }

        @Test
        void without_a_reason_is_refused() {
            fixture.given(granted(), queued())
                    .when(OpenRevocationIntent.byOwner(ENTITLEMENT, PUBLISHER, 1L, "  ", PHRASE, OWNER, OPENED_AT))
                    .expectException(violation("reason_required")).expectNoEvents();
        }

        @Test
        void of_another_publisher_answers_not_found() {
            fixture.given(granted(), queued())
                    .when(OpenRevocationIntent.byOwner(ENTITLEMENT, OTHER_PUBLISHER, 1L, REASON, PHRASE, OWNER,
                            OPENED_AT))
                    .expectException(violation("not_found")).expectNoEvents();
        }

        @Test
        void while_an_intent_is_open_is_refused() {
            fixture.given(granted(), queued(), ownerOpened(FIRST, 1)).when(byOwner(2, PHRASE))
                    .expectException(violation("revocation_intent_open")).expectNoEvents();
        }

        @Test
        void after_the_open_intent_closed_opens_the_second() {
            fixture.given(granted(), queued(), ownerOpened(FIRST, 1),
                            new RevocationIntentClosed(ENTITLEMENT, PUBLISHER, FIRST, "cancelled", CLOSED_AT))
                    .when(byOwner(3, PHRASE))
                    .expectEvents(ownerOpened(SECOND, 2));
        }
    }

    @Nested
    class A_money_proposal {
        @Test
        void opens_a_proposed_intent_with_the_evidence() {
            fixture.given(granted(), queued()).when(fromMoney(RevocationReason.FULL_REFUND, REFUND_EVIDENCE))
                    .expectEvents(proposedOpened(REFUND_EVIDENCE))
                    .expectResultMessagePayload(new RevocationOpening(FIRST, true));
        }

        @Test
        void redelivered_or_from_a_second_money_event_proposes_nothing_more() {
            fixture.given(granted(), queued(), proposedOpened(REFUND_EVIDENCE))
                    .when(fromMoney(RevocationReason.DISPUTE_LOST, DISPUTE_EVIDENCE))
                    .expectNoEvents().expectResultMessagePayload(new RevocationOpening(FIRST, false));
        }

        @Test
        void once_dismissed_is_never_proposed_again() {
            fixture.given(granted(), queued(), proposedOpened(REFUND_EVIDENCE),
                            new RevocationIntentClosed(ENTITLEMENT, PUBLISHER, FIRST, "dismissed", CLOSED_AT))
                    .when(fromMoney(RevocationReason.FULL_REFUND, REFUND_EVIDENCE))
                    .expectNoEvents().expectResultMessagePayload(new RevocationOpening(null, false));
        }

        @Test
        void while_an_owners_intent_is_open_proposes_nothing_and_is_no_error() {
            fixture.given(granted(), queued(), ownerOpened(FIRST, 1))
                    .when(fromMoney(RevocationReason.FULL_REFUND, REFUND_EVIDENCE))
                    .expectNoEvents().expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Closing {
        @Test
        void the_open_intent_frees_the_slot() {
            fixture.given(granted(), queued(), ownerOpened(FIRST, 1))
                    .when(new CloseRevocationIntent(ENTITLEMENT, FIRST, "cancelled", CLOSED_AT))
                    .expectEvents(new RevocationIntentClosed(ENTITLEMENT, PUBLISHER, FIRST, "cancelled", CLOSED_AT))
                    .expectResultMessagePayload(true);
        }

        @Test
        void again_or_another_intent_changes_nothing() {
            fixture.given(granted(), queued(), ownerOpened(FIRST, 1),
                            new RevocationIntentClosed(ENTITLEMENT, PUBLISHER, FIRST, "cancelled", CLOSED_AT))
                    .when(new CloseRevocationIntent(ENTITLEMENT, FIRST, "cancelled", CLOSED_AT))
                    .expectNoEvents().expectResultMessagePayload(false);
        }
    }
}
