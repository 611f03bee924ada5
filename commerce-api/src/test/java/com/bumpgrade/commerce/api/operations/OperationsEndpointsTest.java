package com.bumpgrade.commerce.api.operations;

import com.bumpgrade.commerce.api.config.PoisonousCheckoutHandler;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator's view of a running service: the probes and the Prometheus scrape (decision D52). */
class OperationsEndpointsTest extends ServiceTest {
    private static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";

    @Autowired
    EventProcessingConfiguration processing;

    private ApiClient.Response get(String path, String token) {
        ApiClient.Call call = api().get(path);
        return token == null ? call.send() : call.token(token).send();
    }

    private String scrape() {
        ApiClient.Response response = get("/actuator/prometheus", Tokens.OPERATOR);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        return response.body();
    }

    /** The value of the first sample of this metric whose labels include all the given ones. */
    private static OptionalDouble sample(String scrape, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{(.*)} (\\S+)$").matcher(scrape);
        while (line.find()) {
            String found = line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return OptionalDouble.of(Double.parseDouble(line.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    private String checkout(String correlationId) {
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("ops"), correlationId)
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("checkoutIntentId").asText();
    }

    @Nested
    class Probes {
        @Test
        void livenessAndReadinessArePublicAndUp() {
            for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness",
                    "/actuator/health"}) {
                ApiClient.Response response = get(probe, null);
                assertThat(response.status()).as(probe).isEqualTo(200);
                assertThat(response.json().path("status").asText()).as(probe).isEqualTo("UP");
                assertThat(response.json().has("components")).as(probe + " shows no details").isFalse();
            }
        }

        @Test
        void readinessIsDownWhileAnEventProcessorIsStoppedAndLivenessIsNot() {
            EventProcessor auditTrail = processing.eventProcessor(ProcessingGroups.AUDIT_TRAIL).orElseThrow();
            auditTrail.shutDown();
            try {
                ApiClient.Response readiness = get("/actuator/health/readiness", null);
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.json().path("status").asText()).isEqualTo("DOWN");
                assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);
            } finally {
                auditTrail.start();
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> get("/actuator/health/readiness", null).status() == 200);
        }

        @Test
        void otherActuatorPathsAreNotServed() {
            assertThat(get("/actuator", Tokens.OPERATOR).status()).isEqualTo(404);
            assertThat(get("/actuator/health/db", Tokens.OPERATOR).status()).isEqualTo(404);
            assertThat(get("/actuator/env", Tokens.OPERATOR).status()).isEqualTo(404);
            assertThat(get("/actuator/health/db", null).status()).isEqualTo(401);
        }
    }

    @Nested
    class Prometheus {
        @Test
        void theScrapeIsTheOperatorsOnly() {
            assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
            for (String token : new String[] {Tokens.AGENT, Tokens.OWNER, Tokens.AUDITOR}) {
                ApiClient.Response response = get("/actuator/prometheus", token);
                assertThat(response.status()).isEqualTo(403);
                assertThat(response.body()).doesNotContain("jvm_");
            }
        }

        @Test
        void theScrapeHasHttpJvmHikariAndAxonMeters() {
            String id = checkout(ApiClient.uniqueKey("ops-metrics"));
            assertThat(get("/api/commerce/checkout-intents/" + id, Tokens.AGENT).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String scrape = scrape();
                assertThat(sample(scrape, "http_server_requests_seconds_count", "method=\"POST\"",
                        "uri=\"/api/commerce/checkout\"", "status=\"201\"")).as("HTTP by route").isPresent();
                assertThat(sample(scrape, "http_server_requests_seconds_count",
                        "uri=\"/api/commerce/checkout-intents/{checkoutIntentId}\"")).as("a route, not a path")
                        .isPresent();
                assertThat(scrape).doesNotContain(id);
                assertThat(sample(scrape, "jvm_memory_used_bytes", "area=\"heap\"")).isPresent();
                assertThat(sample(scrape, "hikaricp_connections_max")).isPresent();
                assertThat(sample(scrape, "hikaricp_connections_active")).isPresent();
                assertThat(sample(scrape, "commandBus_successCounter_total", "payloadType=\"StartCheckout\""))
                        .as("Axon's command bus monitor").isPresent();
                for (String group : EventProcessorMetrics.GROUPS) {
                    String processor = "processorName=\"" + group + "\"";
                    assertThat(sample(scrape, "eventProcessor_latency", processor)).as("Axon's latency " + group)
                            .isPresent();
                    assertThat(sample(scrape, "eventProcessor_capacity", processor)).as("Axon's capacity " + group)
                            .isPresent();
                }
            });
        }

        @Test
        void everyGroupHasALagThatReturnsToZeroOnceItCaughtUp() {
            checkout(ApiClient.uniqueKey("ops-lag"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String scrape = scrape();
                for (String group : EventProcessorMetrics.GROUPS) {
                    String processor = "processorName=\"" + group + "\"";
                    assertThat(sample(scrape, "bumpgrade_processor_lag_events", processor)).as("lag " + group)
                            .hasValue(0);
                    assertThat(sample(scrape, "bumpgrade_processor_segments", processor)).as("segments " + group)
                            .isPresent();
                }
            });
        }

        @Test
        void theDeadLetterGaugeCountsEachGroupsLetters() {
            String id;
            PoisonousCheckoutHandler.cured(false);
            try {
                id = checkout(ApiClient.uniqueKey("poison"));
                await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersOf(id) == 2);
                String scrape = scrape();
                for (String group : EventProcessorMetrics.GROUPS) {
                    assertThat(sample(scrape, "bumpgrade_processor_dead_letters", "processorName=\"" + group + "\""))
                            .as("dead letters of " + group).hasValue(deadLetters(group));
                }
                assertThat(deadLetters(ProcessingGroups.READ_MODELS)).isGreaterThanOrEqualTo(2);
            } finally {
                PoisonousCheckoutHandler.cured(true);
            }
            SequencedDeadLetterProcessor<EventMessage<?>> redrive =
                    processing.sequencedDeadLetterProcessor(ProcessingGroups.READ_MODELS).orElseThrow();
            double before = deadLetters(ProcessingGroups.READ_MODELS);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                redrive.processAny();
                return deadLettersOf(id) == 0;
            });
            OptionalDouble after = sample(scrape(), "bumpgrade_processor_dead_letters",
                    "processorName=\"" + ProcessingGroups.READ_MODELS + "\"");
            assertThat(after).as("after the re-drive").hasValue(deadLetters(ProcessingGroups.READ_MODELS));
            assertThat(after.getAsDouble()).isLessThanOrEqualTo(before - 2);
        }
    }

    private long deadLettersOf(String aggregate) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? "
                + "AND aggregate_identifier = ?", Long.class, ProcessingGroups.READ_MODELS, aggregate);
        return count == null ? 0 : count;
    }

    private double deadLetters(String group) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, group);
        return count == null ? 0 : count;
    }
}
