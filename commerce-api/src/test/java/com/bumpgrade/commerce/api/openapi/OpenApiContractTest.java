package com.bumpgrade.commerce.api.openapi;

import com.bumpgrade.commerce.api.security.Role;
import com.bumpgrade.commerce.api.security.RouteAccess;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at /v3/api-docs is the API's contract, and this test holds it to the routes: every route
 * the handlers serve is in it, with the roles of {@link RouteAccess}; every authenticated write documents the
 * billing envelope (Idempotency-Key, X-Correlation-Id, X-Bumpgrade-Client, If-Match where it writes to an existing
 * record); and each write demands exactly the headers its document says. Routes added later are held the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest extends ServiceTest {
    private static final List<String> ENVELOPE = List.of("Idempotency-Key", "X-Correlation-Id", "X-Bumpgrade-Client");
    private static final Map<Role, String> TOKENS = Map.of(Role.AGENT, Tokens.AGENT, Role.OWNER, Tokens.OWNER,
            Role.AUDITOR, Tokens.AUDITOR, Role.OPERATOR, Tokens.OPERATOR);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private OpenApiDocument document;

    /** A route as the router serves it. */
    record Route(HttpMethod method, String pattern) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }

        RouteAccess.Rule rule() {
            return RouteAccess.of(method, pattern).orElseThrow(() -> new AssertionError(this + " is not in RouteAccess"));
        }

        boolean isBillingWrite() {
            return method != HttpMethod.GET && !rule().isPublic();
        }
    }

    @BeforeAll
    void fetchTheDocumentWithoutAToken() {
        ApiClient.Response response = api().get("/v3/api-docs").send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        document = new OpenApiDocument(response.json());
    }

    /** Every route of the handlers but the document's own (springdoc serves /v3/api-docs and Swagger UI's config). */
    private List<Route> served() {
        return handlers.getHandlerMethods().entrySet().stream()
                .filter(entry -> !entry.getValue().getBeanType().getName().startsWith("org.springdoc."))
                .flatMap(entry -> entry.getKey().getPatternsCondition().getPatterns().stream()
                        .flatMap(pattern -> entry.getKey().getMethodsCondition().getMethods().stream()
                                .map(method -> new Route(HttpMethod.valueOf(method.name()), pattern.getPatternString()))))
                .sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private JsonNode operation(Route route) {
        return document.operation(route.method().name(), route.pattern());
    }

    @Test
    void theDocumentIsPublicOpenApi31AndSwaggerUiLoadsWithoutAToken() {
        assertThat(document.root().path("openapi").asText()).startsWith("3.1");
        assertThat(api().get("/v3/api-docs.yaml").send().status()).isEqualTo(200);
        ApiClient.Response welcome = api().get("/swagger-ui.html").send();
        assertThat(welcome.status()).isEqualTo(302);
        String ui = welcome.header("Location");
        ApiClient.Response page = api().get(ui).send();
        assertThat(page.status()).as(ui).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(api().get(ui.replace("index.html", "swagger-ui-bundle.js")).send().status()).isEqualTo(200);
        ApiClient.Response config = api().get("/v3/api-docs/swagger-config").send();
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("url").asText()).isEqualTo("/v3/api-docs");
    }

    @Test
    void everyRouteTheHandlersServeIsInTheDocumentAndNothingElse() {
        List<Route> served = served();
        assertThat(served).as("routes found").hasSizeGreaterThan(20);
        List<String> missing = served.stream().filter(route -> !operation(route).isObject()).map(Route::toString)
                .toList();
        assertThat(missing).as("routes missing from the OpenAPI document").isEmpty();
        List<String> documented = new ArrayList<>();
        document.root().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(documented).as("documented operations").containsExactlyInAnyOrderElementsOf(
                served.stream().map(Route::toString).toList());
    }

    @Test
    void everyOperationNamesTheRolesOfTheAccessTable() {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : served()) {
            JsonNode operation = operation(route);
            List<String> roles = new ArrayList<>();
            operation.path("x-roles").forEach(role -> roles.add(role.asText()));
            softly.assertThat(roles).as(route + " x-roles")
                    .containsExactlyElementsOf(route.rule().roles().stream().map(Role::publicName).toList());
            softly.assertThat(operation.path("security").isArray()).as(route + " security").isTrue();
            if (route.rule().isPublic()) {
                softly.assertThat(operation.path("security")).as(route + " security").isEmpty();
            } else {
                softly.assertThat(operation.path("security").path(0).has("bearer")).as(route + " bearer").isTrue();
                softly.assertThat(OpenApiDocument.errorCodes(operation, 401)).as(route + " 401")
                        .contains("unauthenticated");
                softly.assertThat(OpenApiDocument.errorCodes(operation, 403)).as(route + " 403").contains("forbidden");
            }
        }
        softly.assertAll();
    }

    @Test
    void everyAuthenticatedWriteDocumentsTheBillingEnvelope() {
        SoftAssertions softly = new SoftAssertions();
        List<Route> writes = served().stream().filter(Route::isBillingWrite).toList();
        assertThat(writes).as("billing writes found").hasSizeGreaterThanOrEqualTo(7);
        for (Route route : writes) {
            JsonNode operation = operation(route);
            softly.assertThat(operation.path("x-billing-write").asBoolean()).as(route + " x-billing-write").isTrue();
            for (String header : ENVELOPE) {
                JsonNode parameter = OpenApiDocument.parameter(operation, "header", header);
                softly.assertThat(parameter).as(route + " documents " + header).isNotNull();
                if (parameter != null) {
                    softly.assertThat(parameter.path("required").asBoolean()).as(route + " requires " + header)
                            .isTrue();
                }
            }
            softly.assertThat(OpenApiDocument.errorCodes(operation, 400)).as(route + " envelope refusals")
                    .contains("missing_idempotency_key", "missing_correlation_id", "missing_client",
                            "invalid_client");
            softly.assertThat(OpenApiDocument.errorCodes(operation, 422)).as(route + " key reuse")
                    .contains("idempotency_key_reused");
            JsonNode ifMatch = OpenApiDocument.parameter(operation, "header", "If-Match");
            if (ifMatch != null) {
                softly.assertThat(ifMatch.path("required").asBoolean()).as(route + " If-Match required").isTrue();
                softly.assertThat(OpenApiDocument.errorCodes(operation, 428)).as(route + " 428")
                        .contains("missing_if_match");
                softly.assertThat(OpenApiDocument.errorCodes(operation, 412)).as(route + " 412")
                        .contains("stale_version");
            }
            softly.assertThat(document.previews(OpenApiDocument.jsonSchema(operation, 200)))
                    .as(route + " documents its preview as a 200").isTrue();
        }
        softly.assertAll();
    }

    /**
     * What the document says a write demands is what it demands: without any envelope header it refuses the missing
     * key, and without If-Match it answers 428 exactly where the document requires If-Match. Every answer is one the
     * document lists for the route, with a listed code, in the documented error shape. Nothing is written: the
     * probes never reach a confirmed action.
     */
    @Test
    void eachWriteDemandsTheEnvelopeItsDocumentNames() {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : served().stream().filter(Route::isBillingWrite).toList()) {
            JsonNode operation = operation(route);
            if (!operation.isObject()) {
                softly.fail(route + " is not documented");
                continue;
            }
            String path = OpenApiDocument.example(route.pattern(), operation);
            String token = TOKENS.get(route.rule().roles().get(0));

            ApiClient.Response bare = api().call(route.method().name(), path).token(token).json("{}").send();
            softly.assertThat(bare.errorCode()).as(route + " without envelope: " + bare.body())
                    .isEqualTo("missing_idempotency_key");
            documented(softly, route, operation, bare);

            ApiClient.Response noIfMatch = api().call(route.method().name(), path).token(token)
                    .billing(ApiClient.uniqueKey("contract"), "contract-probe").json("{}").send();
            boolean ifMatchRequired = OpenApiDocument.parameter(operation, "header", "If-Match") != null;
            if (ifMatchRequired) {
                softly.assertThat(noIfMatch.status()).as(route + " without If-Match: " + noIfMatch.body())
                        .isEqualTo(428);
                softly.assertThat(noIfMatch.errorCode()).as(route.toString()).isEqualTo("missing_if_match");
            } else {
                softly.assertThat(noIfMatch.status()).as(route + " needs no If-Match: " + noIfMatch.body())
                        .isNotEqualTo(428);
            }
            documented(softly, route, operation, noIfMatch);
        }
        softly.assertAll();
    }

    private void documented(SoftAssertions softly, Route route, JsonNode operation, ApiClient.Response response) {
        String status = String.valueOf(response.status());
        softly.assertThat(operation.path("responses").has(status)).as(route + " documents " + status).isTrue();
        if (response.status() >= 400) {
            softly.assertThat(OpenApiDocument.errorCodes(operation, response.status())).as(route + " " + status)
                    .contains(response.errorCode());
        }
        softly.assertThat(document.problems(response.json(), OpenApiDocument.jsonSchema(operation, response.status()),
                route + " " + status)).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsAnswers() {
        SoftAssertions softly = new SoftAssertions();
        for (Route route : served()) {
            JsonNode operation = operation(route);
            softly.assertThat(operation.path("summary").asText()).as(route + " summary").isNotBlank();
            boolean answers = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> response = it.next();
                int status = Integer.parseInt(response.getKey());
                JsonNode content = response.getValue().path("content");
                if (status < 300) {
                    answers = true;
                    softly.assertThat(content.isObject() && content.fields().next().getValue().has("schema"))
                            .as(route + " " + status + " has a body schema").isTrue();
                    softly.assertThat(content.path("*/*").isMissingNode()).as(route + " " + status + " media type")
                            .isTrue();
                } else if (status < 400) {
                    answers = true;
                    softly.assertThat(response.getValue().path("headers").has("Location")).as(route + " Location")
                            .isTrue();
                } else {
                    softly.assertThat(response.getValue().path("x-error-codes")).as(route + " " + status + " codes")
                            .isNotEmpty();
                    softly.assertThat(content.path("application/json").path("schema").isObject())
                            .as(route + " " + status + " error shape").isTrue();
                }
            }
            softly.assertThat(answers).as(route + " documents a success").isTrue();
            operation.path("parameters").forEach(parameter -> {
                if ("path".equals(parameter.path("in").asText())) {
                    softly.assertThat(parameter.has("example")).as(route + " example of " + parameter.path("name"))
                            .isTrue();
                }
            });
        }
        softly.assertAll();
    }
}
