package com.bumpgrade.commerce.api.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The owner console's own headers (D93), on top of those every answer carries (nosniff, no-store, DENY,
 * no-referrer): a Content-Security-Policy that lets the page run only its own script files and call only this
 * origin, never inline script or markup-borne handlers, and forbids framing. Matched like {@link RouteAccess}
 * matches, on the decoded, normalized path, so every spelling of a console path gets them.
 */
public class ConsoleHeaders implements WebFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ServerWebExchangeMatcher console;

    public ConsoleHeaders(String pattern) {
        this.console = new PathPatternParserServerWebExchangeMatcher(pattern);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return console.matches(exchange).flatMap(match -> {
            if (match.isMatch()) {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Cross-Origin-Resource-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            }
            return chain.filter(exchange);
        });
    }
}
