package com.bumpgrade.commerce.api.referral;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ClickRateLimiterTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:05Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void limitsEachAddressPerMinuteAndForgetsAfterIt() {
        MovableClock clock = new MovableClock();
        ClickRateLimiter limiter = new ClickRateLimiter(new ReferralProperties(Duration.ofDays(30), 3), clock);

        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isTrue();
        assertThat(limiter.allow("10.0.0.1")).isFalse();
        assertThat(limiter.allow("10.0.0.2")).isTrue();

        clock.now = clock.now.plusSeconds(60);
        assertThat(limiter.allow("10.0.0.1")).isTrue();
    }
}
