package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.web.ApiErrors;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The MCP Streamable HTTP server transport over a WebFlux {@link RouterFunction} (D80): the SDK 2.x ships only a
 * servlet transport, and this service runs on Netty. POST carries one JSON-RPC message (initialize answers JSON
 * and opens a session; a request answers a short SSE stream ending with its response; a notification or response
 * answers 202), GET opens the session's listening stream, DELETE ends the session. Authentication happened
 * before: the security chain guards {@link #ENDPOINT} like any route, and the extractor puts the caller into the
 * transport context the tools read. No event replay (Last-Event-ID): a lost answer is recovered by calling the
 * tool again with the same idempotency key.
 */
final class WebFluxStreamableTransport implements McpStreamableServerTransportProvider {
    static final String ENDPOINT = "/mcp";
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(WebFluxStreamableTransport.class);
    private static final ParameterizedTypeReference<Map<String, Object>> MESSAGE = new ParameterizedTypeReference<>() {
    };

    private final McpJsonMapper json;
    private final McpTransportContextExtractor<ServerRequest> contextExtractor;
    private final Function<Throwable, ResponseEntity<Object>> refusals;
    private final ConcurrentHashMap<String, McpStreamableServerSession> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    WebFluxStreamableTransport(McpJsonMapper json, McpTransportContextExtractor<ServerRequest> contextExtractor,
                               Function<Throwable, ResponseEntity<Object>> refusals) {
        this.json = json;
        this.contextExtractor = contextExtractor;
        this.refusals = refusals;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST(ENDPOINT, this::post)
                .GET(ENDPOINT, this::listen)
                .DELETE(ENDPOINT, this::delete)
                .build();
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.values())
                .flatMap(session -> session.sendNotification(method, params).onErrorResume(e -> Mono.empty()))
                .then();
    }

    @Override
    public Mono<Void> closeGracefully() {
        closing = true;
        return Flux.fromIterable(sessions.values()).flatMap(McpStreamableServerSession::closeGracefully)
                .then(Mono.fromRunnable(() -> {
                    sessions.clear();
                    lastUsed.clear();
                }));
    }

    private Mono<ServerResponse> post(ServerRequest request) {
        if (closing) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "mcp_closing", "The MCP server is shutting down.");
        }
        McpTransportContext context = contextExtractor.extract(request);
        // decoded by the service's strict JSON decoder (UTF-8, no repeated key, clean strings, the size limit), and
        // its refusals answered as on every route
        return request.bodyToMono(MESSAGE).defaultIfEmpty(Map.of())
                // the functional body reader raises the size limit bare; the routes see it inside an input error
                .onErrorMap(DataBufferLimitException.class, e -> new ServerWebInputException("too large", null, e))
                .flatMap(body -> handle(request, context, body))
                .onErrorResume(ServerWebInputException.class, e -> Mono.just(refusals.apply(e))
                        .flatMap(answer -> ServerResponse.status(answer.getStatusCode())
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(answer.getBody())));
    }

    private Mono<ServerResponse> handle(ServerRequest request, McpTransportContext context, Map<String, Object> body) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, json.writeValueAsString(body));
            if (message instanceof McpSchema.JSONRPCRequest call
                    && McpSchema.METHOD_INITIALIZE.equals(call.method())) {
                return initialize(call);
            }
        } catch (IOException | RuntimeException e) {
            // the library's parse errors name what they saw; the answer names only the rule
            return error(HttpStatus.BAD_REQUEST, "invalid_mcp_message", "The body must be one JSON-RPC message.");
        }
        McpStreamableServerSession session = session(request);
        if (session == null) {
            // a missing or ended session: the client starts over with initialize (Streamable HTTP, 404)
            return error(HttpStatus.NOT_FOUND, "mcp_session_not_found",
                    "No such MCP session: send initialize first.");
        }
        if (message instanceof McpSchema.JSONRPCRequest call) {
            Flux<ServerSentEvent<String>> events = Flux.create(sink -> session
                    .responseStream(call, new SinkTransport(sink))
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .subscribe(null, sink::error));
            return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                    .body(events, ServerSentEvent.class);
        }
        Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse answer ? session.accept(answer)
                : session.accept((McpSchema.JSONRPCNotification) message);
        return accepted.contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                .then(ServerResponse.accepted().build());
    }

    private Mono<ServerResponse> initialize(McpSchema.JSONRPCRequest call) {
        McpSchema.InitializeRequest initialize = json.convertValue(call.params(), new TypeRef<>() {
        });
        expireIdleSessions();
        McpStreamableServerSession.McpStreamableServerSessionInit init = sessionFactory.startSession(initialize);
        sessions.put(init.session().getId(), init.session());
        lastUsed.put(init.session().getId(), Instant.now());
        return init.initResult().flatMap(result -> {
            try {
                return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.MCP_SESSION_ID, init.session().getId())
                        .bodyValue(json.writeValueAsString(McpSchema.JSONRPCResponse.result(call.id(), result)));
            } catch (IOException e) {
                return Mono.error(e);
            }
        });
    }

    private Mono<ServerResponse> listen(ServerRequest request) {
        McpStreamableServerSession session = session(request);
        if (session == null) {
            return error(HttpStatus.NOT_FOUND, "mcp_session_not_found", "No such MCP session: send initialize first.");
        }
        Flux<ServerSentEvent<String>> events = Flux.create(sink -> {
            McpStreamableServerSession.McpStreamableServerSessionStream stream =
                    session.listeningStream(new SinkTransport(sink));
            sink.onDispose(stream::close);
        });
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(events, ServerSentEvent.class);
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        McpStreamableServerSession session = session(request);
        if (session == null) {
            return error(HttpStatus.NOT_FOUND, "mcp_session_not_found", "No such MCP session.");
        }
        sessions.remove(session.getId());
        lastUsed.remove(session.getId());
        return session.delete().then(ServerResponse.ok().build());
    }

    private McpStreamableServerSession session(ServerRequest request) {
        String id = request.headers().firstHeader(HttpHeaders.MCP_SESSION_ID);
        McpStreamableServerSession session = id == null ? null : sessions.get(id);
        if (session != null) {
            lastUsed.put(id, Instant.now());
        }
        return session;
    }

    /** Clients that never DELETE their session must not hold memory forever: idle sessions end at the next start. */
    private void expireIdleSessions() {
        Instant cutoff = Instant.now().minus(IDLE);
        lastUsed.forEach((id, used) -> {
            if (used.isBefore(cutoff) && lastUsed.remove(id, used)) {
                McpStreamableServerSession idle = sessions.remove(id);
                if (idle != null) {
                    idle.closeGracefully().subscribe(null, e -> log.debug("closing an idle MCP session failed"));
                }
            }
        });
    }

    private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ApiErrors.body(code, message));
    }

    /** One SSE response stream: each message an event, closed after the response the session sends last. */
    private final class SinkTransport implements McpStreamableServerTransport {
        private final FluxSink<ServerSentEvent<String>> sink;

        SinkTransport(FluxSink<ServerSentEvent<String>> sink) {
            this.sink = sink;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return sendMessage(message, null);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
            return Mono.fromRunnable(() -> {
                try {
                    ServerSentEvent.Builder<String> event = ServerSentEvent.builder(json.writeValueAsString(message))
                            .event("message");
                    if (messageId != null) {
                        event.id(messageId);
                    }
                    sink.next(event.build());
                } catch (IOException e) {
                    log.warn("Could not write an MCP message: {}", e.getMessage());
                    sink.error(e);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(sink::complete);
        }

        @Override
        public void close() {
            sink.complete();
        }
    }
}
