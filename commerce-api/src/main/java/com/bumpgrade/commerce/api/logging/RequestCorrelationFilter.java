package com.bumpgrade.commerce.api.logging;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * First of all filters, before Spring Security: the request's correlation id (its {@code X-Correlation-Id}, or a
 * fresh UUID when it sent none or one the billing envelope would refuse) and its {@code X-Bumpgrade-Client},
 * into the request's Reactor context, from where {@link CorrelationAccessor} puts them into the MDC of every
 * thread the request runs on. The values are parsed exactly as the envelope parses them, so a value that could
 * split or forge a log line never reaches one. {@link CallerCorrelationFilter} adds the caller once known.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestCorrelationFilter implements WebFilter {
    /** The request's correlation values, kept on the exchange for the access log. */
    static final String ATTRIBUTE = RequestCorrelationFilter.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        Map<String, String> values = new LinkedHashMap<>();
        String correlation = parse(headers, BillingWriteEnvelope.CORRELATION_ID, CorrelationId::of);
        values.put(LogCorrelation.CORRELATION_ID, correlation == null ? UUID.randomUUID().toString() : correlation);
        String client = parse(headers, BillingWriteEnvelope.CLIENT, ClientAttribution::of);
        if (client != null) {
            values.put(LogCorrelation.CLIENT, client);
        }
        return withValues(exchange, chain, values);
    }

    /** Runs the rest of the chain with these values in its Reactor context and on the exchange. */
    static Mono<Void> withValues(ServerWebExchange exchange, WebFilterChain chain, Map<String, String> values) {
        Map<String, String> frozen = Map.copyOf(values);
        exchange.getAttributes().put(ATTRIBUTE, frozen);
        return chain.filter(exchange).contextWrite(context -> context.put(CorrelationAccessor.KEY, frozen));
    }

    /** The correlation values of the exchange with these attributes; empty before this filter ran. */
    @SuppressWarnings("unchecked")
    static Map<String, String> of(Map<String, Object> exchangeAttributes) {
        Object values = exchangeAttributes.get(ATTRIBUTE);
        return values == null ? Map.of() : (Map<String, String>) values;
    }

    private static String parse(HttpHeaders headers, String name, Function<String, ?> parser) {
        String value = headers.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value.trim()).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
