package com.bumpgrade.commerce.domain.shared;

/**
 * Writes to an existing record name the version they were decided on (If-Match); only the exact current version
 * passes. Checked inside the command handler, after the caller's right to see the record, so a stale version
 * never reveals a record the caller may not see. Concurrent writers are still serialised by the event store's
 * unique (aggregate, sequence) key.
 */
public final class StaleStatePolicy {
    private StaleStatePolicy() {
    }

    public static void requireCurrent(Long expectedVersion, Long currentVersion) {
        if (expectedVersion == null || !expectedVersion.equals(currentVersion)) {
            throw new BillingRuleViolation("stale_version",
                    "The record is at version " + currentVersion + ", not " + expectedVersion + "; read it again.");
        }
    }
}
