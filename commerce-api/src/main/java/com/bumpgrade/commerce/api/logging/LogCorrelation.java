package com.bumpgrade.commerce.api.logging;

import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every log line of a request, and of the event processing it caused, says about where it came from: the
 * correlation id, and the client, actor and publisher when they are known. They live in the SLF4J MDC under
 * {@link #KEYS} (a JSON log line carries them as fields) and travel with Axon messages as metadata under
 * {@link #METADATA_KEYS}: from a command to the events it applies, and from an event to the commands a reaction
 * sends (decision D53).
 */
public final class LogCorrelation {
    public static final String CORRELATION_ID = "correlationId";
    public static final String CLIENT = "client";
    public static final String ACTOR = "actor";
    public static final String PUBLISHER = "publisher";
    public static final List<String> KEYS = List.of(CORRELATION_ID, CLIENT, ACTOR, PUBLISHER);

    /** Axon's own MessageOriginProvider already writes "correlationId" (the origin message's id): ours are prefixed. */
    static final String METADATA_PREFIX = "bumpgrade.";
    static final String[] METADATA_KEYS = KEYS.stream().map(key -> METADATA_PREFIX + key).toArray(String[]::new);

    private LogCorrelation() {
    }

    /** The correlation values in this thread's MDC; empty when there are none. */
    public static Map<String, String> current() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = MDC.get(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    /** Makes exactly these the correlation values of this thread (keys not given are removed). */
    static void set(Map<String, String> values) {
        for (String key : KEYS) {
            String value = values == null ? null : values.get(key);
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }

    /** These values until the scope is closed, then the ones before; for work that runs outside any request. */
    public static Scope with(Map<String, String> values) {
        Map<String, String> previous = current();
        set(values);
        return () -> set(previous);
    }

    /** The current values and the given one on top, until the scope is closed. */
    public static Scope with(String key, String value) {
        Map<String, String> values = new HashMap<>(current());
        values.put(key, value);
        return with(values);
    }

    /** The correlation values an Axon message carries (the history of a record reads them too). */
    public static Map<String, String> fromMetaData(MetaData metaData) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            Object value = metaData.get(METADATA_PREFIX + key);
            if (value instanceof String text) {
                values.put(key, text);
            }
        }
        return values;
    }

    static Map<String, Object> toMetaData(Map<String, String> values) {
        Map<String, Object> metaData = new HashMap<>();
        values.forEach((key, value) -> metaData.put(METADATA_PREFIX + key, value));
        return metaData;
    }

    /** Restores the values from before {@link #with}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
