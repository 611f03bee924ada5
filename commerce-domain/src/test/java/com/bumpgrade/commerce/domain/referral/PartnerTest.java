package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.bumpgrade.commerce.domain.shared.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final PartnerId PARTNER = PartnerId.of("partner-bob");
    private static final PartnerRecordId ID = PartnerRecordId.forPartner(PUBLISHER, PARTNER);
    private static final BillingContext OWNER = new BillingContext(ActorId.of("owner-demo"), "owner",
            ClientAttribution.of("dashboard"), CorrelationId.of("corr-partner"), IdempotencyKey.of("idem-partner"));

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    private static RegisterPartner register(int basisPoints) {
        return new RegisterPartner(ID, PUBLISHER, PARTNER, "Bob Partner", "BOB10", basisPoints, OWNER, NOW);
    }

    @Test
    void aRegistrationIsRecordedWithWhoAskedForIt() {
        fixture.givenNoPriorActivity()
                .when(register(1500))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PartnerRegistered(ID, PUBLISHER, PARTNER, "Bob Partner", "BOB10", 1500, OWNER, NOW));
    }

    @Test
    void basisPointsOutsideZeroToTenThousandAreRefused() {
        fixture.givenNoPriorActivity()
                .when(register(10_001))
                .expectException(violation("invalid_field"))
                .expectNoEvents();
    }

    @Test
    void theSamePartnerIsNotRegisteredTwice() {
        fixture.given(new PartnerRegistered(ID, PUBLISHER, PARTNER, "Bob Partner", "BOB10", 1500, OWNER, NOW))
                .when(register(1500))
                .expectException(Exception.class)
                .expectNoEvents();
    }

    @Test
    void theRecordIdIsDerivedFromPublisherAndPartner() {
        assertThat(ID.value()).matches("ptn_[0-9a-f]{32}");
        assertThat(PartnerRecordId.forPartner(PublisherId.of("other"), PARTNER)).isNotEqualTo(ID);
    }
}
