package com.bumpgrade.commerce.api.web;

import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Garbage in gets a clear 4xx JSON error, never a 500, and never reaches Stripe. */
class BadInputTest extends ServiceTest {

    private ApiClient.Call checkout() {
        return api().post("/api/commerce/checkout").token(Tokens.AGENT)
                .billing(ApiClient.uniqueKey("bad"), "corr-bad");
    }

    private void assertRefused(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownOfferIsRefused() {
        assertRefused(checkout().json(Map.of("offerId", "no-such-offer")).send(), 422, "unknown_offer");
    }

    @Test
    void anotherPublishersOfferIsUnknown() {
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.RIVAL_AGENT)
                .billing(ApiClient.uniqueKey("rival"), "corr").json(Map.of("offerId", "launch-pass")).send();
        assertRefused(response, 422, "unknown_offer");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 100, 10000})
    void quantityOutOfRangeIsRefused(int quantity) {
        assertRefused(checkout().json(Map.of("offerId", "launch-pass", "quantity", quantity)).send(), 422,
                "invalid_quantity");
    }

    @Test
    void quantityOfTheWrongTypeIsRefused() {
        assertRefused(checkout().json("{\"offerId\":\"launch-pass\",\"quantity\":\"two\"}").send(), 400,
                "invalid_field");
        assertRefused(checkout().json("{\"offerId\":\"launch-pass\",\"quantity\":1e12}").send(), 400,
                "invalid_field");
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused(checkout().json("{\"offerId\": ").send(), 400, "malformed_json");
        assertRefused(checkout().json("not json at all").send(), 400, "malformed_json");
    }

    @Test
    void missingBodyAndMissingOfferAreRefused() {
        assertRefused(checkout().header("Content-Type", "application/json").send(), 400, "missing_body");
        assertRefused(checkout().json("{}").send(), 400, "invalid_field");
        assertRefused(checkout().json(Map.of("offerId", "../../etc/passwd")).send(), 400, "invalid_field");
    }

    @Test
    void unknownFieldsAreRefused() {
        ApiClient.Response response = checkout().json(Map.of("offerId", "launch-pass", "price", 1)).send();
        assertRefused(response, 400, "unknown_field");
        assertThat(response.json().path("error").path("message").asText()).contains("price");
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = "{\"offerId\":\"launch-pass\",\"confirmation\":\"" + "x".repeat(200_000) + "\"}";
        assertRefused(checkout().json(huge).send(), 413, "body_too_large");
    }

    @Test
    void wrongContentTypeIsRefused() {
        ApiClient.Response response = checkout().header("Content-Type", "text/plain").json("offerId=launch-pass").send();
        assertRefused(response, 415, "unsupported_media_type");
    }

    @Test
    void unknownOrderBumpsAndBadBumpsAreRefused() {
        assertRefused(checkout().json(Map.of("offerId", "launch-pass",
                "orderBumpOfferIds", java.util.List.of("nope"))).send(), 422, "unknown_order_bump");
        assertRefused(checkout().json(Map.of("offerId", "launch-templates")).send(), 422, "not_a_main_offer");
        assertRefused(checkout().json(Map.of("offerId", "launch-pass",
                "orderBumpOfferIds", java.util.List.of("launch-templates", "launch-templates"))).send(), 422,
                "duplicate_order_bump");
    }

    @Test
    void referralClicksThatDoNotExistAreRefusedLoudly() {
        assertRefused(checkout().json(Map.of("offerId", "launch-pass", "referralClickId", "click-123")).send(), 422,
                "unknown_referral_click");
    }

    @Test
    void envelopeHeadersAreRequired() {
        Map<String, Object> body = Map.of("offerId", "launch-pass");
        assertRefused(checkout().header("Idempotency-Key", null).json(body).send(), 400, "missing_idempotency_key");
        assertRefused(checkout().header("X-Correlation-Id", null).json(body).send(), 400, "missing_correlation_id");
        assertRefused(checkout().header("X-Bumpgrade-Client", null).json(body).send(), 400, "missing_client");
        assertRefused(checkout().header("Idempotency-Key", "has spaces and ; semicolons").json(body).send(), 400,
                "invalid_idempotency_key");
        assertRefused(checkout().header("Idempotency-Key", "k".repeat(300)).json(body).send(), 400,
                "invalid_idempotency_key");
    }

    @Test
    void missingOrUnknownTokensAre401() {
        ApiClient.Response none = api().post("/api/commerce/checkout").billing("k", "c")
                .json(Map.of("offerId", "launch-pass")).send();
        assertRefused(none, 401, "unauthenticated");
        ApiClient.Response unknown = api().post("/api/commerce/checkout").token("not-a-token").billing("k", "c")
                .json(Map.of("offerId", "launch-pass")).send();
        assertRefused(unknown, 401, "unauthenticated");
        ApiClient.Response almost = api().get("/api/commerce/checkout-intents/chk_" + "0".repeat(32))
                .token(Tokens.AGENT + "x").send();
        assertRefused(almost, 401, "unauthenticated");
        ApiClient.Response basic = api().get("/api/commerce/checkout-intents/chk_" + "0".repeat(32))
                .header("Authorization", "Basic " + Tokens.AGENT).send();
        assertRefused(basic, 401, "unauthenticated");
    }

    @Test
    void auditorsCannotStartCheckouts() {
        ApiClient.Response response = api().post("/api/commerce/checkout").token(Tokens.AUDITOR)
                .billing(ApiClient.uniqueKey("aud"), "c").json(Map.of("offerId", "launch-pass")).send();
        assertRefused(response, 403, "forbidden");
    }

    @Test
    void unknownRoutesAndMalformedIdsAreJson404s() {
        assertRefused(api().get("/api/commerce/checkout-intents/not-an-id").token(Tokens.AGENT).send(), 404,
                "not_found");
        ApiClient.Response route = api().get("/api/commerce/nothing-here").token(Tokens.AGENT).send();
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.body()).doesNotContain("Exception");
        assertRefused(api().get("/checkout/chk_" + "1".repeat(32)).send(), 404, "not_found");
    }

    @Test
    void badIfMatchIsRefused() {
        ApiClient.Response response = api().post("/api/commerce/checkout-intents/chk_" + "2".repeat(32) + "/expire")
                .token(Tokens.AGENT).billing(ApiClient.uniqueKey("ifm"), "c").header("If-Match", "\"abc\"")
                .json(Map.of()).send();
        assertRefused(response, 400, "invalid_if_match");
    }
}
