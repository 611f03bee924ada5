package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.RawHttp;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.IdempotencyKey;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * X-Bumpgrade-Client over HTTP: a client named the way User-Agent does is accepted and recorded verbatim, up to
 * 256 characters, in the checkout's read model and the audit trail; anything else is refused before anything
 * runs, with the codes used before (400 invalid_client for a value that breaks the rule, 400 invalid_header for a
 * control character, which the request checks refuse in every header, 400 missing_client for none).
 */
class ClientHeaderTest extends ServiceTest {
    private static final String PHRASE = "Create checkout for Bumpgrade launch pass at 9.00 USD";
    private static final String FULL = "my-agent/2.3.1 (+https://example.com/bot)";
    private static final String LONGEST = FULL + " (" + "c".repeat(256 - FULL.length() - 3) + ")";

    private ApiClient.Response confirmedCheckout(String key, String client) {
        return api().post("/api/commerce/checkout").token(Tokens.AGENT).billing(key, "corr-" + key)
                .header("X-Bumpgrade-Client", client)
                .json(Map.of("offerId", "launch-pass", "confirmation", PHRASE)).send();
    }

    private RawHttp.Response rawCheckout(String key, String client) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + Tokens.AGENT);
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", key);
        headers.put("X-Correlation-Id", "corr-" + key);
        headers.put("X-Bumpgrade-Client", client);
        return new RawHttp(port).send("POST", "/api/commerce/checkout", headers,
                ("{\"offerId\":\"launch-pass\",\"confirmation\":\"" + PHRASE + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Nothing of a refused request is stored: no intent for its key, no idempotency record. */
    private void nothingStored(String key) {
        String intent = CheckoutIntentId.derive(PublisherId.of("demo"), ActorId.of("agent-007"), IdempotencyKey.of(key))
                .value();
        assertThat(eventCount(intent, "")).as("events of " + intent).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Long.class,
                key)).isZero();
    }

    @Nested
    class Accepted {
        static Stream<String> clients() {
            return Stream.of("my-agent/2.3.1 (+https://example.com/bot)", "my-agent/1.2.0",
                    "Mozilla/5.0 (X11; Linux x86_64) helper/0.1 (nested (comment))", "api-test",
                    "urn:bumpgrade:client:7", LONGEST);
        }

        @ParameterizedTest
        @MethodSource("clients")
        void aUserAgentStyleClientIsRecordedVerbatimInTheReadModelAndTheAuditTrail(String client) {
            String key = ApiClient.uniqueKey("client");
            ApiClient.Response response = confirmedCheckout(key, client);

            assertThat(response.status()).as(response.body()).isEqualTo(201);
            String intent = response.json().path("checkoutIntentId").asText();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                ApiClient.Response view = api().get("/api/commerce/checkout-intents/" + intent).token(Tokens.AGENT)
                        .send();
                assertThat(view.status()).isEqualTo(200);
                assertThat(view.json().path("source").path("client").asText()).isEqualTo(client);
                assertThat(jdbc.queryForList("SELECT client FROM audit_entry WHERE correlation_id = ?", String.class,
                        "corr-" + key)).isNotEmpty().containsOnly(client);
            });
        }

        @Test
        void theLongestIs256Characters() {
            assertThat(LONGEST).hasSize(256);
        }
    }

    @Nested
    class Refused {
        @ParameterizedTest
        @ValueSource(strings = {"agent (unclosed", "agent closed)", "agent/", "agent/1.0/2", "(comment) first",
                "_agent", "agent, other", "agent \"quoted\"", "agent;v=1"})
        void aValueThatIsNoProductOrCommentIsInvalidClient(String client) {
            String key = ApiClient.uniqueKey("bad-client");
            ApiClient.Response response = confirmedCheckout(key, client);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_client");
            assertThat(response.json().path("error").path("message").asText())
                    .startsWith("The X-Bumpgrade-Client header must be product tokens");
            nothingStored(key);
        }

        @Test
        void over256CharactersIsInvalidClient() {
            String key = ApiClient.uniqueKey("long-client");
            ApiClient.Response response = confirmedCheckout(key, LONGEST.replace("(c", "(cc"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_client");
            nothingStored(key);
        }

        @Test
        void nonAsciiBytesAreInvalidClient() {
            String key = ApiClient.uniqueKey("utf8-client");
            // "é" as UTF-8 arrives as the two Latin-1 characters Ã and ©: visible, but not ASCII
            RawHttp.Response response = rawCheckout(key, "agent/1.0 (caf\u00c3\u00a9)");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_client");
            nothingStored(key);
        }

        @Test
        void aTabIsInvalidClient() {
            // the request checks let a tab through in headers (it splits no line); the client rule does not
            String key = ApiClient.uniqueKey("tab-client");
            RawHttp.Response response = rawCheckout(key, "agent/1.0\tlib/2");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_client");
            nothingStored(key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"agent/1.0\rX-Forged: 1", "agent/1.0 (\u0000)", "agent\u001b[31m",
                "agent\u007f", "agent/1.0 (\u0085)"})
        void controlCharactersAreRefusedByTheRequestChecksAsInvalidHeader(String client) {
            String key = ApiClient.uniqueKey("ctl-client");
            RawHttp.Response response = rawCheckout(key, client);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_header");
            nothingStored(key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void aMissingOrBlankClientIsMissingClient(String client) {
            String key = ApiClient.uniqueKey("no-client");
            ApiClient.Response response = confirmedCheckout(key, client.isEmpty() ? null : client);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("missing_client");
            nothingStored(key);
        }
    }
}
