package com.bumpgrade.commerce.domain.shared;

/**
 * Writes to an existing record name the version they were decided on (If-Match). Axon already refuses a version
 * older than the aggregate's; this also refuses one from the future, so only the exact current version passes.
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
