package com.bumpgrade.commerce.api.entitlement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Grace period for past_due subscriptions (default 7 days), how often expired grace is looked for, and how long a
 * buyer's portal link stays usable (default 5 minutes; Stripe's own portal session is short-lived as well).
 */
@ConfigurationProperties("bumpgrade.entitlements")
public record EntitlementProperties(Duration gracePeriod, Duration graceSweepInterval, Duration portalReferenceTtl) {
    public EntitlementProperties {
        gracePeriod = gracePeriod == null ? Duration.ofDays(7) : gracePeriod;
        graceSweepInterval = graceSweepInterval == null ? Duration.ofMinutes(1) : graceSweepInterval;
        portalReferenceTtl = portalReferenceTtl == null ? Duration.ofMinutes(5) : portalReferenceTtl;
    }
}
