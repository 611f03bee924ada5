package com.bumpgrade.commerce.api.envelope;

import org.springframework.http.HttpStatus;

/**
 * What a write answered. {@code replayable} outcomes are stored and returned again for the same key; others (a
 * preview that changed nothing, a 5xx after which a retry must really retry) are not.
 */
public record WriteOutcome(HttpStatus status, Object body, boolean replayable) {
    public static WriteOutcome done(HttpStatus status, Object body) {
        return new WriteOutcome(status, body, status.value() < 500);
    }

    public static WriteOutcome notRecorded(HttpStatus status, Object body) {
        return new WriteOutcome(status, body, false);
    }
}
