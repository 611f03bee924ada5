package com.bumpgrade.commerce.api.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Attribution window (default 30 days) and the per-address click rate limit of the public click route. */
@ConfigurationProperties("bumpgrade.referrals")
public record ReferralProperties(Duration attributionWindow, Integer clicksPerMinute) {
    public ReferralProperties {
        attributionWindow = attributionWindow == null ? Duration.ofDays(30) : attributionWindow;
        clicksPerMinute = clicksPerMinute == null ? 30 : clicksPerMinute;
    }
}
