package com.bumpgrade.commerce.api.envelope;

/**
 * Which billing write a request is: the operation (with the target record's id, if any) and the body, which
 * together make the idempotency fingerprint, and whether it targets an existing record, which then needs
 * {@code If-Match} with that record's version.
 */
public record WriteRequest(String operation, Object body, boolean targetsExistingRecord) {

    /** A write that creates something: no If-Match. */
    public static WriteRequest create(String operation, Object body) {
        return new WriteRequest(operation, body, false);
    }

    /** A write to an existing record: If-Match required. */
    public static WriteRequest onRecord(String operation, Object body) {
        return new WriteRequest(operation, body, true);
    }
}
