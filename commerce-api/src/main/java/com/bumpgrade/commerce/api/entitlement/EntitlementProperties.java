package com.bumpgrade.commerce.api.entitlement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Grace period for past_due subscriptions (default 7 days) and how often expired grace is looked for. */
@ConfigurationProperties("bumpgrade.entitlements")
public record EntitlementProperties(Duration gracePeriod, Duration graceSweepInterval) {
    public EntitlementProperties {
        gracePeriod = gracePeriod == null ? Duration.ofDays(7) : gracePeriod;
        graceSweepInterval = graceSweepInterval == null ? Duration.ofMinutes(1) : graceSweepInterval;
    }
}
