package com.bumpgrade.commerce.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real HTTP against the started service. Every response body is kept for the redaction scan that runs after the
 * suite.
 */
public final class ApiClient {
    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static List<String> allResponseBodies() {
        return List.copyOf(BODIES);
    }

    public String base() {
        return base;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String errorCode() {
            return json().path("error").path("code").asText(null);
        }
    }

    /** A request under construction; headers default to a complete billing envelope. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call billing(String idempotencyKey, String correlationId) {
            header("Idempotency-Key", idempotencyKey);
            header("X-Correlation-Id", correlationId);
            return header("X-Bumpgrade-Client", "api-test");
        }

        public Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }

        public Call json(Object body) {
            try {
                this.body = body instanceof String s ? s : MAPPER.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            headers.forEach(request::header);
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                BODIES.add(response.body());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    /** Any method, for tests that walk every route. */
    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
