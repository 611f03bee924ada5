package com.bumpgrade.commerce.api.envelope;

/**
 * The answer of a billing write, as it goes out: the status, the JSON body (written once, so a replay returns the
 * very bytes of the first answer) and whether it is a stored answer replayed ({@code Idempotent-Replayed: true}).
 * A preview is an outcome too: 200, never stored.
 */
public record WriteOutcome(int status, String json, boolean replayed) {
}
