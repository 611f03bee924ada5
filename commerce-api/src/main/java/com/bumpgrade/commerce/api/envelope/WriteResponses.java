package com.bumpgrade.commerce.api.envelope;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Renders a {@link WriteOutcome} as the HTTP response; controllers call this and nothing else for a write. */
public final class WriteResponses {
    public static final String REPLAYED = "Idempotent-Replayed";

    private WriteResponses() {
    }

    public static ResponseEntity<String> render(WriteOutcome outcome) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(outcome.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(outcome.json());
    }
}
