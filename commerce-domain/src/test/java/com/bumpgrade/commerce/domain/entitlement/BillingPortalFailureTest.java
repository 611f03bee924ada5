package com.bumpgrade.commerce.domain.entitlement;

import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;

/** A Stripe failure of a recorded portal session is recorded, with the caller's context, for the audit trail. */
class BillingPortalFailureTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("pub_acme");
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_00000000000000000000000000000001");
    private static final OfferId OFFER = OfferId.of("offer_pro_monthly");
    private static final EntitlementId ENTITLEMENT = EntitlementId.forPurchase(CHECKOUT, OFFER);
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-1"), "owner",
            ClientAttribution.of("dashboard"), CorrelationId.of("corr-portal"), IdempotencyKey.of("idem-portal"));
    private static final PortalSessionId SESSION = PortalSessionId.forRequest(ENTITLEMENT, OWNER.actor(),
            OWNER.idempotencyKey());

    private FixtureConfiguration<Entitlement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Entitlement.class);
    }

    private static EntitlementGranted granted() {
        return new EntitlementGranted(ENTITLEMENT, PUBLISHER, CHECKOUT, OFFER, CustomerId.forGuestCheckout(CHECKOUT),
                Access.ACTIVE, WebhookEvidenceId.forStripeEvent("evt_1Paid"), NOW);
    }

    private static RecordBillingPortalFailure failure(PublisherId publisher, PortalSessionId session) {
        return new RecordBillingPortalFailure(ENTITLEMENT, publisher, session, "stripe_unavailable", OWNER,
                NOW.plusSeconds(5));
    }

    @Test
    void aFailedAttemptOfARecordedSessionIsRecorded() {
        fixture.given(granted(), new BillingPortalOpened(ENTITLEMENT, PUBLISHER, SESSION, OWNER, NOW))
                .when(failure(PUBLISHER, SESSION))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BillingPortalFailed(ENTITLEMENT, PUBLISHER, SESSION, "stripe_unavailable", OWNER,
                        NOW.plusSeconds(5)));
    }

    @Test
    void aSessionNeverOpenedOrAnotherPublishersIsNotFound() {
        fixture.given(granted())
                .when(failure(PUBLISHER, SESSION))
                .expectException(violation("not_found"))
                .expectNoEvents();
        fixture.given(granted(), new BillingPortalOpened(ENTITLEMENT, PUBLISHER, SESSION, OWNER, NOW))
                .when(failure(PublisherId.of("pub_other"), SESSION))
                .expectException(violation("not_found"))
                .expectNoEvents();
    }
}
