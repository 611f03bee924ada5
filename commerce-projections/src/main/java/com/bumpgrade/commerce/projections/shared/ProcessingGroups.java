package com.bumpgrade.commerce.projections.shared;

import java.util.List;

/**
 * Every processing group of the service, named in one place and grouped by purpose: fewer groups mean fewer
 * streams read and fewer claims held on a small machine. Each group has its own settings in application.yml.
 */
public final class ProcessingGroups {
    /** Event → command reactions (the api module's {@code reaction} package): never replayed. */
    public static final String REACTIONS = "reactions";
    /** The read models (checkout, webhook evidence, commission ledger, entitlements): rebuildable, idempotent. */
    public static final String READ_MODELS = "read-models";
    /** The hash-chained audit trail: one segment, one order. */
    public static final String AUDIT_TRAIL = "audit-trail";

    /** The groups whose tokens a database of an earlier release holds; the new groups start where they stopped. */
    public static final List<String> LEGACY_REACTIONS =
            List.of("stripe-event-translation", "commission-policy", "entitlement-policy");
    public static final List<String> LEGACY_READ_MODELS =
            List.of("checkout-view", "webhook-evidence-view", "commission-view", "entitlement-view");

    private ProcessingGroups() {
    }
}
