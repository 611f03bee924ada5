package com.bumpgrade.commerce.api.logging;

import io.micrometer.context.ThreadLocalAccessor;

import java.util.Map;

/**
 * Lets Reactor's automatic context propagation ({@code spring.reactor.context-propagation=auto}) carry the
 * correlation values of a request, kept in its Reactor context under {@link #KEY}, into the MDC of every thread
 * the request runs on: the Netty event loop, and the boundedElastic threads the controllers hand blocking work to.
 * Unlike context-propagation's Slf4jThreadLocalAccessor, restoring an earlier state also removes keys that state
 * did not have, so no value stays behind on a pooled thread for the next request. Registered with
 * context-propagation's ContextRegistry through META-INF/services.
 */
public final class CorrelationAccessor implements ThreadLocalAccessor<Map<String, String>> {
    static final String KEY = "bumpgrade.log-correlation";

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public Map<String, String> getValue() {
        Map<String, String> values = LogCorrelation.current();
        return values.isEmpty() ? null : values;
    }

    @Override
    public void setValue(Map<String, String> value) {
        LogCorrelation.set(value);
    }

    @Override
    public void setValue() {
        LogCorrelation.set(Map.of());
    }
}
