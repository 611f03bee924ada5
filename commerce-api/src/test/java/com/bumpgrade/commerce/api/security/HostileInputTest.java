package com.bumpgrade.commerce.api.security;

import com.bumpgrade.commerce.api.support.CapturedLogs;
import com.bumpgrade.commerce.api.support.RawHttp;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.Tokens;
import com.bumpgrade.commerce.domain.refusal.BillingWriteRefused;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, tried as an attacker would: missing, garbled and wrong-role tokens, other spellings of the path,
 * duplicate keys, invalid UTF-8, NUL and control characters in bodies, ids, query parameters and headers,
 * oversized bodies, headers and URIs, and a hostile Host. Every answer must be a 4xx JSON error with the security
 * headers, never a 5xx or a stack trace, and nothing the suite sends may change any state: the one thing stored is
 * the audit of a refusal the envelope answered, which carries its code and the caller headers it had validated, and
 * no other part of the request (D97).
 * <p>
 * Run against the code before the hardening (b7b8b3d), 9 of these tests failed: encoded and matrix spellings of
 * protected paths reached controllers without a caller (500), control characters in headers got Netty's empty
 * 400, duplicate keys and invalid UTF-8 were decoded, NUL in query parameters and path ids answered 500, and any
 * Host was taken for the buyer URLs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends ServiceTest {
    /** Marks everything this suite sends, so the end can prove none of it was stored. */
    private static final String MARK = "hostile7suite";
    private static final Map<Role, String> TOKENS = Map.of(Role.AGENT, Tokens.AGENT, Role.OWNER, Tokens.OWNER,
            Role.AUDITOR, Tokens.AUDITOR, Role.OPERATOR, Tokens.OPERATOR);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private int logMark;

    @BeforeAll
    void markLogs() {
        logMark = CapturedLogs.lines().size();
    }

    private RawHttp raw() {
        return new RawHttp(port);
    }

    private static String target(RouteAccess.Rule rule) {
        return rule.pattern().replaceAll("\\{[^}]+}", MARK + "-id");
    }

    private static List<RouteAccess.Rule> protectedRoutes() {
        return RouteAccess.RULES.stream().filter(rule -> !rule.isPublic()).toList();
    }

    private static boolean takesJson(RouteAccess.Rule rule) {
        // the asset upload's body is the file itself, never read as JSON (D82)
        return rule.method() == HttpMethod.POST && !rule.isPublic()
                && !rule.pattern().equals("/api/commerce/products/{productId}/assets");
    }

    /** A complete, well-formed billing envelope for the given role; each test then spoils one part of it. */
    private static Map<String, String> envelope(Role role) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TOKENS.get(role));
        headers.put("Idempotency-Key", MARK + "-key-" + System.nanoTime());
        headers.put("X-Correlation-Id", MARK + "-correlation");
        headers.put("X-Bumpgrade-Client", MARK + "-client");
        headers.put("If-Match", "0");
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> json(Map<String, String> headers) {
        return with(headers, "Content-Type", "application/json");
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** The contract of every refusal: a 4xx JSON error with a code, the security headers, and nothing internal. */
    private static void refused(SoftAssertions softly, String what, RawHttp.Response response, int status,
                                String code) {
        softly.assertThat(response.status()).as(what + " status; body " + response.body()).isEqualTo(status);
        softly.assertThat(response.header("Content-Type")).as(what + " content type").startsWith("application/json");
        if (code != null) {
            softly.assertThat(response.errorCode()).as(what + " code; body " + response.body()).isEqualTo(code);
        } else {
            softly.assertThat(response.errorCode()).as(what + " has an error code").isNotBlank();
        }
        softly.assertThat(response.header("Cache-Control")).as(what + " cache control").contains("no-store");
        softly.assertThat(response.header("X-Content-Type-Options")).as(what + " nosniff").isEqualTo("nosniff");
        softly.assertThat(response.body()).as(what + " leaks nothing internal")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
                .doesNotContain("org.");
    }

    @Test
    void theAccessTableDeclaresExactlyTheRoutesTheHandlersServe() {
        List<String> served = handlers.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternsCondition().getPatterns().stream()
                        .flatMap(pattern -> info.getMethodsCondition().getMethods().stream()
                                .map(method -> method.name() + " " + pattern.getPatternString())))
                .sorted().toList();
        List<String> declared = RouteAccess.RULES.stream()
                // actuator endpoints, Swagger UI's static files, the MCP endpoint (a RouterFunction, D80) and the
                // owner console's static files (a RouterFunction, D93) are served by their own handler mappings
                .filter(rule -> !rule.pattern().startsWith("/actuator/") && !rule.pattern().startsWith("/swagger-ui/")
                        && !rule.pattern().equals("/mcp") && !rule.pattern().equals(RouteAccess.CONSOLE))
                .map(rule -> rule.method().name() + " " + rule.pattern()).sorted().toList();
        assertThat(declared).containsExactlyElementsOf(served);
    }

    @Test
    void everyProtectedRouteRefusesAMissingOrGarbledToken() {
        SoftAssertions softly = new SoftAssertions();
        List<String> garbled = new ArrayList<>();
        garbled.add(null);
        garbled.addAll(List.of("", "Bearer", "Bearer ", "Bearer not-a-token", "Basic dGVzdDp0ZXN0",
                "Token " + Tokens.OWNER, "Bearer " + Tokens.OWNER + "x", "Bearer " + Tokens.OWNER.substring(1),
                "Bearer\t" + "x".repeat(300)));
        for (RouteAccess.Rule rule : protectedRoutes()) {
            for (String authorization : garbled) {
                Map<String, String> headers = json(envelope(Role.OWNER));
                headers.put("Authorization", authorization);
                RawHttp.Response response = raw().send(rule.method().name(), target(rule), headers,
                        takesJson(rule) ? body("{\"confirmation\":\"" + MARK + "\"}") : null);
                refused(softly, rule + " with Authorization " + authorization, response, 401, "unauthenticated");
                softly.assertThat(response.header("WWW-Authenticate")).as(rule + " challenge").isEqualTo("Bearer");
            }
        }
        softly.assertAll();
    }

    @Test
    void noSpellingOfAProtectedPathReachesAHandlerWithoutACaller() {
        SoftAssertions softly = new SoftAssertions();
        for (RouteAccess.Rule rule : protectedRoutes()) {
            String path = target(rule);
            // the first segment ("api", "actuator") spelled in every way, then the rest of the path
            int slash = path.indexOf('/', 1);
            String first = slash < 0 ? path.substring(1) : path.substring(1, slash); // "/mcp" is one segment
            String rest = path.substring(first.length() + 1);
            String head = "/" + first;
            String last = first.substring(first.length() - 1);
            Map<String, Integer> spellings = new LinkedHashMap<>();
            spellings.put("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest, 401);
            spellings.put("/" + first.substring(0, first.length() - 1) + "%" + Integer.toHexString(last.charAt(0))
                    + rest, 401);
            spellings.put("/" + first.toUpperCase(java.util.Locale.ROOT) + rest, 401);
            spellings.put(head + ";x=1" + rest, 400);
            spellings.put(head + rest + ";jsessionid=1", 400);
            spellings.put(head + "/." + rest, 400);
            spellings.put(head + "/x/.." + rest, 400);
            spellings.put(head + "/%2e" + rest, 400);
            spellings.put("/" + head + rest, 400);
            if (!rest.isEmpty()) {
                spellings.put(head + rest.replaceFirst("/", "%2F"), 400);
                spellings.put(head + rest.replaceFirst("/", "%5C"), 400);
            }
            spellings.put(head + rest + "%00", 400);
            spellings.put(head + rest + "%25", 400);
            for (Map.Entry<String, Integer> spelling : spellings.entrySet()) {
                Map<String, String> headers = json(envelope(Role.OWNER));
                headers.remove("Authorization");
                RawHttp.Response response = raw().send(rule.method().name(), spelling.getKey(), headers,
                        takesJson(rule) ? body("{\"confirmation\":\"" + MARK + "\"}") : null);
                refused(softly, rule.method() + " " + spelling.getKey(), response, spelling.getValue(), null);
            }
        }
        softly.assertAll();
    }

    @Test
    void everyRoleIsRefusedWhereTheAccessTableDoesNotGiveIt() {
        SoftAssertions softly = new SoftAssertions();
        int refusals = 0;
        for (RouteAccess.Rule rule : protectedRoutes()) {
            for (Role role : Role.values()) {
                if (rule.roles().contains(role)) {
                    continue;
                }
                refusals++;
                RawHttp.Response response = raw().send(rule.method().name(), target(rule), json(envelope(role)),
                        takesJson(rule) ? body("{\"confirmation\":\"" + MARK + "\"}") : null);
                refused(softly, rule + " as " + role, response, 403, "forbidden");
            }
        }
        softly.assertAll();
        assertThat(refusals).as("the table refuses some role somewhere").isGreaterThan(10);
    }

    @Test
    void unknownRoutesAndMethodsAreRefusedEvenWithAToken() {
        SoftAssertions softly = new SoftAssertions();
        refused(softly, "unknown route, no token", raw().send("GET", "/api/commerce/" + MARK, Map.of(), null),
                401, "unauthenticated");
        refused(softly, "unknown route", raw().send("GET", "/api/commerce/" + MARK, envelope(Role.OWNER), null),
                404, "not_found");
        refused(softly, "outside /api", raw().send("GET", "/" + MARK, envelope(Role.OWNER), null), 404,
                "not_found");
        refused(softly, "wrong method", raw().send("DELETE", "/api/commerce/partners", envelope(Role.OWNER), null),
                405, "method_not_allowed");
        refused(softly, "TRACE", raw().send("TRACE", "/api/commerce/partners", envelope(Role.OWNER), null), 400,
                "invalid_path");
        softly.assertAll();
    }

    @Test
    void bodiesThatAreNotStrictJsonTextAreRefused() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, byte[]> invalidJson = new LinkedHashMap<>();
        invalidJson.put("duplicate key", body("{\"confirmation\":\"a\",\"confirmation\":\"b\"}"));
        invalidJson.put("overlong slash", concat(body("{\"confirmation\":\"a"), bytes(0xC0, 0xAF), body("\"}")));
        invalidJson.put("CESU surrogate", concat(body("{\"confirmation\":\"a"), bytes(0xED, 0xA0, 0x80),
                bytes(0xED, 0xB0, 0x80), body("\"}")));
        invalidJson.put("truncated sequence", concat(body("{\"confirmation\":\"a"), bytes(0xE2, 0x82), body("\"}")));
        invalidJson.put("latin-1 byte", concat(body("{\"confirmation\":\""), bytes(0xE9), body("\"}")));
        Map<String, byte[]> invalidField = new LinkedHashMap<>();
        invalidField.put("escaped NUL", body("{\"confirmation\":\"nul\\u0000reason\"}"));
        invalidField.put("escaped control", body("{\"confirmation\":\"bell\\u0007\"}"));
        invalidField.put("escaped DEL", body("{\"confirmation\":\"del\\u007f\"}"));
        invalidField.put("lone surrogate", body("{\"confirmation\":\"half\\ud800\"}"));
        for (RouteAccess.Rule rule : protectedRoutes().stream().filter(HostileInputTest::takesJson).toList()) {
            Role role = rule.roles().get(0);
            invalidJson.forEach((what, bytes) -> refused(softly, rule + " " + what,
                    raw().send("POST", target(rule), json(envelope(role)), bytes), 400, "invalid_json"));
            invalidField.forEach((what, bytes) -> refused(softly, rule + " " + what,
                    raw().send("POST", target(rule), json(envelope(role)), bytes), 400, "invalid_field"));
            byte[] huge = body("{\"confirmation\":\"" + "x".repeat(70 * 1024) + "\"}");
            refused(softly, rule + " oversized body", raw().send("POST", target(rule), json(envelope(role)), huge),
                    413, "body_too_large");
        }
        softly.assertAll();
    }

    @Test
    void controlCharactersInIdsAndQueryParametersAreRefused() {
        SoftAssertions softly = new SoftAssertions();
        List<String> badEscapes = List.of("%00", "%01", "%1B", "%7F", "%C2%85", "%C0%AF", "%ED%A0%80", "%FF");
        for (RouteAccess.Rule rule : RouteAccess.RULES) {
            Role role = rule.isPublic() ? Role.OWNER : rule.roles().get(0);
            for (String escape : badEscapes) {
                String query = target(rule) + "?correlationId=a" + escape + "&partnerId=" + escape + "&limit=1";
                refused(softly, rule + " query " + escape,
                        raw().send(rule.method().name(), query, envelope(role), null), 400,
                        "invalid_field");
                if (rule.pattern().contains("{")) {
                    String path = rule.pattern().replaceAll("\\{[^}]+}", MARK + escape);
                    RawHttp.Response response = raw().send(rule.method().name(), path, envelope(role), null);
                    refused(softly, rule + " path " + escape, response, 400, "invalid_path");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aRequestThatIsNoUriIsRefusedByTheHttpLayer() {
        // A broken escape, a raw backslash or user info in the Host make the request no URI at all: Spring's HTTP
        // adapter answers 400 before any filter can run, so these answers have no JSON body. What matters is
        // that they are a 4xx, with no stack trace, and that nothing ran.
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("/api/commerce/partners?x=%Z1", "127.0.0.1:" + port);
        targets.put("/api/commerce/%Z1", "127.0.0.1:" + port);
        targets.put("/checkout/%G0", "127.0.0.1:" + port);
        targets.put("/api\\commerce/partners", "127.0.0.1:" + port);
        targets.put("/api/commerce/partners", "127.0.0.1:80@evil.example");
        targets.forEach((target, host) -> {
            RawHttp.Response response = raw().send("GET", target, with(envelope(Role.OWNER), "Host", host), null);
            assertThat(response.status()).as(target + " at " + host).isEqualTo(400);
            assertThat(response.body()).as(target).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("partner-");
        });
    }

    @Test
    void aBrokenChunkedBodyIsRefusedOnEveryRouteThatTakesABody() {
        // Netty answers a chunked body it cannot decode (an empty 400) and closes the connection; the handler that
        // was reading the body must then neither answer again nor log a stack trace (checked after the suite).
        for (RouteAccess.Rule rule : RouteAccess.RULES.stream().filter(r -> r.method() == HttpMethod.POST).toList()) {
            Role role = rule.isPublic() ? Role.OWNER : rule.roles().get(0);
            for (String broken : List.of("zz\r\n{}\r\n0\r\n\r\n", "-1\r\n{}\r\n0\r\n\r\n",
                    "2\r\n{}\r\n" + "g".repeat(6000) + "\r\n")) {
                RawHttp.Response response = raw().send("POST", target(rule),
                        with(json(envelope(role)), "Transfer-Encoding", "chunked"),
                        broken.getBytes(StandardCharsets.ISO_8859_1), false);
                assertThat(response.status()).as(rule + " chunked " + broken.substring(0, 2)).isBetween(400, 499);
                assertThat(response.body()).as(rule.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    @Test
    void controlCharactersInHeadersAndOversizedHeadsAreRefused() {
        SoftAssertions softly = new SoftAssertions();
        List<String> names = List.of("Authorization", "Idempotency-Key", "X-Correlation-Id", "X-Bumpgrade-Client",
                "If-Match", "Stripe-Signature", "Content-Type", "X-Anything");
        List<String> bad = List.of("\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009b");
        for (RouteAccess.Rule rule : RouteAccess.RULES) {
            Role role = rule.isPublic() ? Role.OWNER : rule.roles().get(0);
            for (String name : names) {
                for (String c : bad) {
                    Map<String, String> headers = envelope(role);
                    headers.put(name, (headers.getOrDefault(name, "x") + c + "y"));
                    refused(softly, rule + " header " + name + " " + (int) c.charAt(0),
                            raw().send(rule.method().name(), target(rule), headers, null), 400, "invalid_header");
                }
            }
            refused(softly, rule + " header name", raw().send(rule.method().name(), target(rule),
                    with(envelope(role), "X-Bad\u0001Name", "1"), null), 400, "invalid_header");
            refused(softly, rule + " oversized header", raw().send(rule.method().name(), target(rule),
                    with(envelope(role), "X-Padding", "p".repeat(20 * 1024)), null), 431, "headers_too_large");
            refused(softly, rule + " oversized URI", raw().send(rule.method().name(),
                    target(rule) + "?pad=" + "u".repeat(5000), envelope(role), null), 414, "uri_too_long");
        }
        softly.assertAll();
    }

    @Test
    void aHostileHostIsRefusedOnEveryRoute() {
        SoftAssertions softly = new SoftAssertions();
        List<String> hosts = List.of("evil.example:8443", "evil.example", "127.0.0.1.evil.example",
                "localhost.evil.example", "[::2]:8080", "");
        for (RouteAccess.Rule rule : RouteAccess.RULES) {
            Role role = rule.isPublic() ? Role.OWNER : rule.roles().get(0);
            for (String host : hosts) {
                RawHttp.Response response = raw().send(rule.method().name(), target(rule),
                        json(with(envelope(role), "Host", host)),
                        rule.method() == HttpMethod.POST ? body("{\"confirmation\":\"" + MARK + "\"}") : null);
                softly.assertThat(response.status()).as(rule + " Host " + host).isEqualTo(400);
                softly.assertThat(response.body()).as(rule + " Host " + host).doesNotContain("evil.example");
                if (!host.isEmpty()) {
                    refused(softly, rule + " Host " + host, response, 400, "invalid_host");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aHostileValueTheEnvelopeRefusesIsAuditedByItsCodeAlone() {
        // well-formed caller headers, so the envelope records the refusal (D97), but never the value it refused
        String expire = "/api/commerce/checkout-intents/chk_" + "0".repeat(32) + "/expire";
        String correlation = MARK + "-correlation-" + System.nanoTime();
        RawHttp.Response badVersion = raw().send("POST", expire, json(with(with(envelope(Role.AGENT),
                "X-Correlation-Id", correlation), "If-Match", MARK + "<script>\"'")), body("{}"));
        SoftAssertions softly = new SoftAssertions();
        refused(softly, "hostile If-Match", badVersion, 400, "invalid_if_match");
        softly.assertAll();
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'code' FROM domain_event_entry "
                        + "WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb -> 'context' ->> "
                        + "'correlationId' = ?", String.class, BillingWriteRefused.class.getName(), correlation))
                .as("the refusal, recorded by its code").containsExactly("invalid_if_match");

        // a key the envelope cannot take: refused before it has a context, so nothing is recorded
        String unkeyed = MARK + "-unkeyed-" + System.nanoTime();
        RawHttp.Response badKey = raw().send("POST", expire, json(with(with(envelope(Role.AGENT),
                "X-Correlation-Id", unkeyed), "Idempotency-Key", MARK + " <key>")), body("{}"));
        softly = new SoftAssertions();
        refused(softly, "hostile Idempotency-Key", badKey, 400, "invalid_idempotency_key");
        softly.assertAll();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(convert_to(?, 'UTF8') "
                + "in payload) > 0", Long.class, unkeyed)).as("events of a request without a context").isZero();
    }

    @AfterAll
    void nothingWasStoredAndNothingWasLoggedAsAFailure() {
        // Nothing the suite sent is stored, but for the caller headers the envelope had validated: a refusal
        // event (D97) carries them as its context, and its code; nothing else of the request.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type <> ? AND ("
                        + "position(convert_to(?, 'UTF8') in payload) > 0 "
                        + "OR position(convert_to(?, 'UTF8') in meta_data) > 0)",
                Long.class, BillingWriteRefused.class.getName(), MARK, MARK)).as("events mentioning the hostile suite")
                .isZero();
        List<String> refusals = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE payload_type = ? AND position(convert_to(?, 'UTF8') in payload) > 0", String.class,
                BillingWriteRefused.class.getName(), MARK);
        assertThat(refusals).as("refusal events of the suite").isNotEmpty().allSatisfy(payload -> {
            assertThat(payload).as("only plain, validated values").matches("[\\x20-\\x7e]*")
                    .doesNotContain("<").doesNotContain("script").doesNotContain("\\u");
            assertThat(payload.replaceAll("\"(correlationId|client|idempotencyKey)\":\"" + MARK + "[^\"]*\"", ""))
                    .as("the suite's mark outside the validated caller headers").doesNotContain(MARK);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE (correlation_id LIKE ? OR client LIKE ?) "
                        + "AND NOT (result = 'refused' AND subject_type = 'refused_write' AND subject_id NOT LIKE ? "
                        + "AND detail::text NOT LIKE ?)", Long.class, MARK + "%", MARK + "%", "%" + MARK + "%",
                "%" + MARK + "%")).as("audit entries of the hostile suite, but for its refusals").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key LIKE ?",
                Long.class, MARK + "%")).as("idempotency records of the hostile suite").isZero();
        List<String> lines = CapturedLogs.lines().subList(logMark, CapturedLogs.lines().size());
        assertThat(lines).as("no request failure logged").noneMatch(line -> line.contains("Unexpected failure"));
        assertThat(lines).as("no stack trace logged for a refused request")
                .filteredOn(line -> !line.startsWith("org.axonframework"))
                .noneMatch(line -> line.contains("\n\tat "));
    }
}
