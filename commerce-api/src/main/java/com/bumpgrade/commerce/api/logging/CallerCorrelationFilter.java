package com.bumpgrade.commerce.api.logging;

import com.bumpgrade.commerce.api.security.ApiCaller;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After Spring Security (whose filter chain runs at order -100): the authenticated caller's actor and publisher
 * join the request's correlation values, for every log line from here on, and for the events its commands
 * append. A public route has no caller and keeps the correlation id and client alone.
 */
@Component
@Order(0)
public class CallerCorrelationFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ApiCaller.find(exchange).map(caller -> {
            Map<String, String> values = new LinkedHashMap<>(RequestCorrelationFilter.of(exchange.getAttributes()));
            values.put(LogCorrelation.ACTOR, caller.actor().value());
            if (caller.publisher() != null) {
                values.put(LogCorrelation.PUBLISHER, caller.publisher().value());
            }
            return RequestCorrelationFilter.withValues(exchange, chain, values);
        }).orElseGet(() -> chain.filter(exchange));
    }
}
