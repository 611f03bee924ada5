package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.Role;
import com.bumpgrade.commerce.api.security.RouteAccess;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiExceptionHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tools and renders their answers. A tool mirrors one REST route: its roles are that route's roles in
 * {@link RouteAccess} (so the two surfaces cannot drift), its failures are mapped by {@link ApiExceptionHandler},
 * and its answer carries the route's HTTP status and exact JSON body, so a replayed write returns the very text
 * of its first answer (D81).
 */
@Component
class ToolAnswers {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String ROUTE = "bumpgrade/route";

    /** A tool's work, run off the event loop: the use cases block on Axon's gateways. */
    interface Work {
        ResponseEntity<?> answer(ToolCall call) throws Exception;
    }

    private final ObjectMapper web;
    private final ApiExceptionHandler errors;

    ToolAnswers(ObjectMapper web, ApiExceptionHandler errors) {
        this.web = web;
        this.errors = errors;
    }

    McpServerFeatures.AsyncToolSpecification tool(String name, String description, Map<String, Object> schema,
                                                  HttpMethod method, String route, Work work) {
        List<Role> roles = RouteAccess.of(method, route)
                .orElseThrow(() -> new IllegalStateException("no route access rule for " + method + " " + route))
                .roles();
        // the mirrored route, for clients and for the test that every authenticated route has its tool
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(schema)
                .meta(Map.of(ROUTE, method.name() + " " + route)).build();
        return McpServerFeatures.AsyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> Mono.fromCallable(() -> ToolCall.of(exchange, request))
                        .map(call -> roles.contains(call.caller().role()) ? run(work, call) : forbidden(call))
                        .subscribeOn(Schedulers.boundedElastic())
                        .timeout(TIMEOUT)
                        .onErrorResume(e -> Mono.just(render(errors.answer(e), false))))
                .build();
    }

    /** The answer of a billing write as the REST route renders it: status, replay flag and the stored bytes. */
    static ResponseEntity<String> written(WriteOutcome outcome) {
        return ResponseEntity.status(outcome.status())
                .header(WriteResponses.REPLAYED, String.valueOf(outcome.replayed())).body(outcome.json());
    }

    private McpSchema.CallToolResult run(Work work, ToolCall call) {
        try {
            ResponseEntity<?> answer = work.answer(call);
            return render(answer, "true".equals(answer.getHeaders().getFirst(WriteResponses.REPLAYED)));
        } catch (Exception e) {
            return render(errors.answer(e), false);
        }
    }

    private McpSchema.CallToolResult forbidden(ToolCall call) {
        return render(ResponseEntity.status(403).body(ApiErrors.body("forbidden",
                "The " + call.caller().role().publicName() + " role may not do this.")), false);
    }

    private McpSchema.CallToolResult render(ResponseEntity<?> answer, boolean replayed) {
        String json = json(answer.getBody());
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("httpStatus", answer.getStatusCode().value());
        structured.put("replayed", replayed);
        structured.put("result", read(json));
        return McpSchema.CallToolResult.builder().addTextContent(json).structuredContent(structured)
                .isError(answer.getStatusCode().value() >= 400).build();
    }

    private String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return web.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tool answer", e);
        }
    }

    private Object read(String json) {
        try {
            return web.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a tool answer", e);
        }
    }
}
