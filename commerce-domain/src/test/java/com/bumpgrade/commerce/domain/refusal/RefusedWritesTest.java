package com.bumpgrade.commerce.domain.refusal;

import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedWritesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final PublisherId PUBLISHER = PublisherId.of("demo");
    private static final RefusedWritesId DAY = RefusedWritesId.forDay(PUBLISHER, NOW);
    private static final BillingContext AGENT = context("agent-demo", "idem-1");

    private FixtureConfiguration<RefusedWrites> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RefusedWrites.class);
    }

    private static BillingContext context(String actor, String key) {
        return new BillingContext(ActorId.of(actor), "agent", ClientAttribution.of("agent/1.0"),
                CorrelationId.of("corr-refusal"), key == null ? null : IdempotencyKey.of(key));
    }

    private static RecordRefusedWrite refusal(String code, BillingContext context) {
        return RecordRefusedWrite.of(PUBLISHER, "catalog.publish", code, "off_1", context, NOW);
    }

    private static BillingWriteRefused refused(String code, BillingContext context) {
        return new BillingWriteRefused(DAY, PUBLISHER, "catalog.publish", code, "off_1", context, NOW);
    }

    @Nested
    class TheDaysFirstRefusal {
        @Test
        void opensTheStreamAndIsRecordedWithWhoWasRefused() {
            fixture.givenNoPriorActivity()
                    .when(refusal("stale_version", AGENT))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(RefusalRecording.RECORDED)
                    .expectEvents(refused("stale_version", AGENT));
        }

        @Test
        void mayNameNoRecord() {
            fixture.givenNoPriorActivity()
                    .when(RecordRefusedWrite.of(PUBLISHER, "checkout.start", "referral_click_used", null, AGENT, NOW))
                    .expectEvents(new BillingWriteRefused(DAY, PUBLISHER, "checkout.start", "referral_click_used",
                            null, AGENT, NOW));
        }
    }

    @Nested
    class ALaterRefusal {
        @Test
        void isRecordedOnTheSameStream() {
            fixture.given(refused("stale_version", AGENT))
                    .when(refusal("stale_version", context("agent-demo", "idem-2")))
                    .expectResultMessagePayload(RefusalRecording.RECORDED)
                    .expectEvents(refused("stale_version", context("agent-demo", "idem-2")));
        }

        @Test
        void withTheSameCallerKeyActionAndCodeIsARetryAndRecordedOnce() {
            fixture.given(refused("stale_version", AGENT))
                    .when(refusal("stale_version", AGENT))
                    .expectResultMessagePayload(RefusalRecording.ALREADY_RECORDED)
                    .expectNoEvents();
        }

        @Test
        void withTheSameKeyButAnotherCodeIsRecorded() {
            fixture.given(refused("stale_version", AGENT))
                    .when(refusal("idempotency_key_reused", AGENT))
                    .expectEvents(refused("idempotency_key_reused", AGENT));
        }

        @Test
        void ofAnotherCallerWithTheSameKeyIsRecorded() {
            BillingContext other = context("owner-demo", "idem-1");
            fixture.given(refused("stale_version", AGENT))
                    .when(refusal("stale_version", other))
                    .expectEvents(refused("stale_version", other));
        }

        @Test
        void pastTheDaysLimitIsNotRecorded() {
            List<Object> full = new ArrayList<>();
            for (int i = 0; i < RefusedWrites.MAX_PER_DAY; i++) {
                full.add(refused("stale_version", context("agent-demo", "idem-full-" + i)));
            }
            fixture.given(full)
                    .when(refusal("stale_version", context("agent-demo", "idem-one-more")))
                    .expectResultMessagePayload(RefusalRecording.LIMIT_REACHED)
                    .expectNoEvents();
        }

        @Test
        void justBelowTheDaysLimitIsRecorded() {
            List<Object> almost = new ArrayList<>();
            for (int i = 0; i < RefusedWrites.MAX_PER_DAY - 1; i++) {
                almost.add(refused("stale_version", context("agent-demo", "idem-full-" + i)));
            }
            fixture.given(almost)
                    .when(refusal("stale_version", context("agent-demo", "idem-last")))
                    .expectEvents(refused("stale_version", context("agent-demo", "idem-last")));
        }
    }

    @Nested
    class ValuesThatWereNotValidated {
        @Test
        void anUnplainCodeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(refusal("Bad Code\u0000", AGENT))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anUnplainActionIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(RecordRefusedWrite.of(PUBLISHER, "<script>", "stale_version", null, AGENT, NOW))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void anUnplainRecordIdIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(RecordRefusedWrite.of(PUBLISHER, "catalog.publish", "stale_version", "off 1\u0007", AGENT,
                            NOW))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void aStreamOfAnotherDayIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRefusedWrite(RefusedWritesId.forDay(PUBLISHER, NOW.plusSeconds(86_400)), PUBLISHER,
                            "catalog.publish", "stale_version", null, AGENT, NOW))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void streamsArePerPublisherAndUtcDay() {
        assertThat(DAY.value()).matches("rfw_[0-9a-f]{32}");
        assertThat(RefusedWritesId.forDay(PUBLISHER, Instant.parse("2026-12-03T23:59:59Z"))).isEqualTo(DAY);
        assertThat(RefusedWritesId.forDay(PUBLISHER, Instant.parse("2026-12-04T00:00:00Z"))).isNotEqualTo(DAY);
        assertThat(RefusedWritesId.forDay(PublisherId.of("other"), NOW)).isNotEqualTo(DAY);
    }
}
