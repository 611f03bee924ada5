package com.bumpgrade.commerce.api.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JSON lines the service would print in a structured-logging mode, while open. The test JVM's logback is set
 * up once, from logback-test.xml, so a context's {@code logging.structured.format.console} cannot change its
 * console; this appender encodes every event with Spring Boot's own {@link StructuredLogEncoder} in the given
 * format, as the console appender of a service started with that property does.
 */
public final class JsonLogs implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender;
    private final Logger root;

    private JsonLogs(String format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
            }
        };
        appender.setContext(context);
        appender.setName("json-logs-" + System.identityHashCode(this));
        appender.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    public static JsonLogs capture(String format) {
        return new JsonLogs(format);
    }

    /** Every line so far, as printed. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every line so far, parsed; a line that is not one JSON object fails. */
    public List<JsonNode> json() {
        return lines.stream().map(line -> {
            try {
                JsonNode node = MAPPER.readTree(line);
                if (!node.isObject()) {
                    throw new AssertionError("not a JSON object: " + line);
                }
                return node;
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
