package com.bumpgrade.commerce.api.logging;

import ch.qos.logback.classic.Level;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.JsonLogs;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.api.support.WebhookTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The json-logs profile (decision D53): every line is one ECS JSON object, and the lines of a request and of the
 * event processing it caused carry its correlation id, client, actor and publisher as fields; the access log
 * line names the route, never the path, query or a header (D54). Processing lines are those of
 * {@link ProcessingCorrelation} at DEBUG, written inside each processor's handling of each event.
 */
@ActiveProfiles("json-logs")
class StructuredLogsTest extends WebhookTest {
    @Autowired
    Environment environment;

    private JsonLogs logs;
    private final ch.qos.logback.classic.Logger processingLog =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ProcessingCorrelation.class);
    private final ch.qos.logback.classic.Logger accessLog =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(AccessLog.class);

    @BeforeEach
    void captureJsonLines() {
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        logs = JsonLogs.capture(environment.getProperty("logging.structured.format.console"));
        processingLog.setLevel(Level.DEBUG);
        accessLog.setLevel(Level.DEBUG); // probes are logged at DEBUG
    }

    @AfterEach
    void release() {
        processingLog.setLevel(null);
        accessLog.setLevel(null);
        logs.close();
        STRIPE.recover();
    }

    private List<JsonNode> linesOf(String correlationId) {
        return logs.json().stream().filter(line -> correlationId.equals(line.path("correlationId").asText()))
                .toList();
    }

    private static boolean from(JsonNode line, Class<?> logger) {
        return line.path("log").path("logger").asText().equals(logger.getName());
    }

    private static boolean saysProcessing(JsonNode line, String group, String event) {
        return from(line, ProcessingCorrelation.class) && line.path("message").asText().startsWith(group + " handles "
                + event + " ");
    }

    @Test
    void theLinesOfARequestAndOfTheProcessingItCausedCarryItsCorrelation() {
        String correlation = ApiClient.uniqueKey("ops-json");
        STRIPE.failNext(FakeStripe.Failure.BAD_REQUEST, 1);
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("json"), correlation)
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(502);
        String intent = response.json().path("checkoutIntentId").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> lines = linesOf(correlation);
            assertThat(lines).as("the access log line").anyMatch(line -> from(line, AccessLog.class)
                    && line.path("http").path("route").asText().equals("/api/commerce/checkout")
                    && line.path("http").path("response").path("status_code").asInt() == 502);
            assertThat(lines).as("the request's own line, written on a boundedElastic thread")
                    .anyMatch(line -> line.path("message").asText().contains("Checkout Session creation failed for "
                            + intent) && line.path("process").path("thread").path("name").asText()
                            .startsWith("boundedElastic"));
            for (String group : List.of("read-models", "audit-trail")) {
                for (String event : List.of("CheckoutStarted", "CheckoutSessionFailed")) {
                    assertThat(lines).as(group + " handling " + event)
                            .anyMatch(line -> saysProcessing(line, group, event));
                }
            }
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.path("actor").asText()).isEqualTo("agent-007");
                assertThat(line.path("publisher").asText()).isEqualTo("demo");
                assertThat(line.path("client").asText()).isEqualTo("api-test");
                assertThat(line.path("ecs").path("version").isMissingNode()).isFalse();
            });
        });
        assertThat(logs.json()).as("every line naming the intent carries the correlation")
                .filteredOn(line -> line.path("message").asText().contains(intent))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("correlationId").asText()).isEqualTo(correlation));
    }

    @Test
    void aWebhooksProcessingCarriesItsEvidenceIdThroughTheReactionsItTriggers() {
        String intent = openIntent();
        ApiClient.Response delivered = deliver(completed(intent));
        assertThat(delivered.status()).isEqualTo(200);
        String evidence = delivered.json().path("evidenceId").asText();

        // evidence event → translation (reaction) → CheckoutPaid → grant (reaction) → EntitlementGranted
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> lines = linesOf(evidence);
            assertThat(lines).anyMatch(line -> saysProcessing(line, "reactions", "StripeEventReceived"));
            assertThat(lines).anyMatch(line -> saysProcessing(line, "read-models", "CheckoutPaid"));
            assertThat(lines).anyMatch(line -> saysProcessing(line, "reactions", "CheckoutPaid"));
            assertThat(lines).anyMatch(line -> saysProcessing(line, "read-models", "EntitlementGranted"));
            assertThat(lines).anyMatch(line -> saysProcessing(line, "audit-trail", "EntitlementGranted"));
        });
        awaitIntent(intent, "paid");
    }

    @Test
    void theAccessLogNamesRoutesAndNeitherTokensNorPortalReferencesNorQueries() {
        String portalRef = "prt_" + "5e".repeat(32);
        String queryValue = "query-secret-" + UUID.randomUUID();
        String bogusToken = "bogus-token-" + UUID.randomUUID();
        Map<String, String> correlations = Map.of(
                "portal", ApiClient.uniqueKey("ops-access"), "query", ApiClient.uniqueKey("ops-access"),
                "refused", ApiClient.uniqueKey("ops-access"), "unknown", ApiClient.uniqueKey("ops-access"));

        assertThat(api().get("/portal/" + portalRef).header("X-Correlation-Id", correlations.get("portal")).send()
                .status()).isEqualTo(404);
        assertThat(api().get("/api/commerce/audit-entries?correlationId=" + queryValue).token(Tokens.OWNER)
                .header("X-Correlation-Id", correlations.get("query")).send().status()).isEqualTo(200);
        assertThat(api().get("/api/commerce/partners").token(bogusToken)
                .header("X-Correlation-Id", correlations.get("refused")).send().status()).isEqualTo(401);
        assertThat(api().get("/api/commerce/" + queryValue).token(Tokens.OWNER)
                .header("X-Correlation-Id", correlations.get("unknown")).send().status()).isEqualTo(404);
        String forged = "forged\" correlationId=\"x";
        assertThat(api().get("/actuator/health/liveness").header("X-Correlation-Id", forged).send().status())
                .isEqualTo(200);

        Map<String, String> routes = Map.of("portal", "/portal/{portalRef}", "query", "/api/commerce/audit-entries",
                "refused", "/api/commerce/partners", "unknown", AccessLog.UNMATCHED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> routes.forEach((request, route) ->
                assertThat(linesOf(correlations.get(request))).as(request)
                        .anyMatch(line -> from(line, AccessLog.class)
                                && line.path("http").path("route").asText().equals(route))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logs.json())
                .as("the probe's access line, under a fresh correlation id instead of the forged one")
                .anyMatch(line -> from(line, AccessLog.class)
                        && line.path("http").path("route").asText().startsWith("/actuator/health")
                        && line.path("correlationId").asText().matches("[0-9a-f-]{36}")));
        assertThat(logs.lines()).noneMatch(line -> line.contains("forged"));
        assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .doesNotContain(portalRef.substring(4)).doesNotContain(queryValue).doesNotContain(bogusToken)
                .doesNotContain(Tokens.OWNER).doesNotContainIgnoringCase("bearer")
                .doesNotContainIgnoringCase("authorization"));
    }
}
