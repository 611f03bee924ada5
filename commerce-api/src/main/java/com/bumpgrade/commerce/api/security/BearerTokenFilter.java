package com.bumpgrade.commerce.api.security;

import com.bumpgrade.commerce.api.web.ApiErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Every {@code /api/**} route needs a declared bearer token, except the Stripe webhook, which is authenticated by
 * its signature instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BearerTokenFilter implements WebFilter {
    static final String WEBHOOK_PATH = "/api/commerce/stripe/webhook";

    private final TokenAuthenticator authenticator;
    private final ApiErrors errors;

    public BearerTokenFilter(TokenAuthenticator authenticator, ApiErrors errors) {
        this.authenticator = authenticator;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") || path.equals(WEBHOOK_PATH)) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        Optional<ApiCaller> caller = Optional.ofNullable(header)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .flatMap(authenticator::authenticate);
        if (caller.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return errors.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "A valid bearer token is required.");
        }
        exchange.getAttributes().put(ApiCaller.ATTRIBUTE, caller.get());
        return chain.filter(exchange);
    }
}
