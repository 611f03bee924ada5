package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;
import java.util.Map;

/**
 * One tool call as the use cases need it: the authenticated caller, the arguments, and the envelope headers the
 * REST routes read, built from arguments (idempotencyKey, correlationId, version) and from the MCP client's own
 * name and version (the client attribution, so an agent cannot claim another client per call). The exchange is
 * the MCP HTTP request's: it carries the caller and the host of the public base URL, never envelope headers.
 */
record ToolCall(ApiCaller caller, Map<String, Object> arguments, McpSchema.Implementation client,
                ServerWebExchange exchange) {
    static final String CALLER = "bumpgrade.caller";
    static final String EXCHANGE = "bumpgrade.exchange";

    static ToolCall of(McpAsyncServerExchange exchange, McpSchema.CallToolRequest call) {
        ApiCaller caller = (ApiCaller) exchange.transportContext().get(CALLER);
        ServerWebExchange request = (ServerWebExchange) exchange.transportContext().get(EXCHANGE);
        if (caller == null) {
            throw new IllegalStateException("MCP tool call without an authenticated caller");
        }
        return new ToolCall(caller, call.arguments() == null ? Map.of() : call.arguments(), exchange.getClientInfo(),
                request);
    }

    /** An optional string argument; any other JSON type is refused as the REST body would refuse it. */
    String text(String name) {
        Object value = arguments.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(name, "a string");
    }

    /** A required string argument: missing is bad input (400), never a failure further down. */
    String required(String name) {
        String value = text(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_argument", "The argument '" + name + "' is required.");
        }
        return value;
    }

    Integer integer(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long number = ((Number) value).longValue();
            if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw invalid(name, "an integer");
    }

    List<String> texts(String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw invalid(name, "an array of strings");
    }

    /** The envelope headers of a billing write; {@code version} becomes If-Match where the route needs it. */
    HttpHeaders envelope() {
        HttpHeaders headers = new HttpHeaders();
        put(headers, BillingWriteEnvelope.IDEMPOTENCY_KEY, text("idempotencyKey"));
        put(headers, BillingWriteEnvelope.CORRELATION_ID, text("correlationId"));
        put(headers, BillingWriteEnvelope.CLIENT, clientAttribution());
        Integer version = integer("version");
        if (version != null) {
            headers.setIfMatch("\"" + version + "\"");
        }
        return headers;
    }

    private String clientAttribution() {
        if (client == null) {
            return null;
        }
        // clientInfo names the client the way User-Agent does: name/version
        return client.name().trim().replace(' ', '-') + "/" + client.version().trim();
    }

    private static void put(HttpHeaders headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    private static ApiException invalid(String name, String kind) {
        return ApiException.badRequest("invalid_argument", "The argument '" + name + "' must be " + kind + ".");
    }
}
