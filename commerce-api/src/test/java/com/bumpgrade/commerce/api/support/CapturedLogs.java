package com.bumpgrade.commerce.api.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every log line the service writes during the test run (wired in logback-test.xml), for the redaction scan. */
public final class CapturedLogs {
    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
    }

    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    public static class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    line.append("\n\t").append(frame.getSTEAsString());
                }
            }
            LINES.add(line.toString());
        }
    }
}
