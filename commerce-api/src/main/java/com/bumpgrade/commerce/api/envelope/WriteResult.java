package com.bumpgrade.commerce.api.envelope;

import org.springframework.http.HttpStatus;

/**
 * What a confirmed write's action answered. {@code replayable} results are stored and returned again for the same
 * key; others (a 5xx after which a retry must really retry) are not.
 */
public record WriteResult(HttpStatus status, Object body, boolean replayable) {
    public static WriteResult done(HttpStatus status, Object body) {
        return new WriteResult(status, body, status.value() < 500);
    }

    public static WriteResult notRecorded(HttpStatus status, Object body) {
        return new WriteResult(status, body, false);
    }
}
