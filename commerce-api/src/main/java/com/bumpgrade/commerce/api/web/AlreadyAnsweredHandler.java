package com.bumpgrade.commerce.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.util.Map;

/**
 * When the HTTP decoder could not read a request (a malformed chunk), reactor-netty has already answered 400,
 * closed the connection and logged one line. A handler that then answers fails on the sent headers, and Spring
 * would log that failure with a long stack trace, once per request: an anonymous client could flood the log.
 * Such a failure is dropped here with one short line, on every route. Runs before Spring Boot's error handler.
 */
@Component
@Order(-3)
public class AlreadyAnsweredHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(AlreadyAnsweredHandler.class);
    private static final String ANSWERED_BY_SERVER = AlreadyAnsweredHandler.class.getName() + ".answered";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!answeredByServer(exchange)) {
            return Mono.error(failure);
        }
        log.info("Dropped the answer to {} {}: the server had already refused the request", exchange.getRequest()
                .getMethod(), exchange.getRequest().getPath().value().length() > 200 ? "(long path)"
                : exchange.getRequest().getPath().value());
        return Mono.empty();
    }

    /** True when reactor-netty itself already sent an answer for this exchange. */
    public static boolean answeredByServer(ServerWebExchange exchange) {
        Object response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        boolean answered = response instanceof HttpServerResponse sent && sent.hasSentHeaders();
        if (answered) {
            exchange.getAttributes().put(ANSWERED_BY_SERVER, Boolean.TRUE);
        }
        return answered;
    }

    /** Set on an exchange found answered by reactor-netty: the status Spring holds was never sent. */
    public static boolean wasAnsweredByServer(Map<String, Object> exchangeAttributes) {
        return Boolean.TRUE.equals(exchangeAttributes.get(ANSWERED_BY_SERVER));
    }
}
