package com.bumpgrade.commerce.api.replay;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An audit replay as {@code GET /api/commerce/audit/replays/{id}} shows it. {@code status}: {@code running},
 * {@code finished} or {@code failed}; {@code phase}: {@code preparing}, {@code replaying}, {@code comparing} or
 * {@code done}; {@code verdict} ({@code equal} or {@code differs}) and {@code tables} once finished.
 */
public record ReplayView(String replayId, String status, String phase, long eventsTotal, long eventsDone,
                         Instant startedAt, Instant finishedAt, String requestedBy, String correlationId,
                         String verdict, List<TableComparison> tables, String failure) {

    /** Events per second so far. */
    @JsonProperty
    public double eventsPerSecond() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return Math.round(eventsDone / seconds * 10) / 10.0;
    }

    /** The estimated seconds left at the rate so far; null once the replay has ended or before it has a rate. */
    @JsonProperty
    public Double secondsLeft() {
        double rate = eventsPerSecond();
        if (!"running".equals(status) || rate <= 0) {
            return null;
        }
        return Math.round((eventsTotal - eventsDone) / rate * 10) / 10.0;
    }
}
