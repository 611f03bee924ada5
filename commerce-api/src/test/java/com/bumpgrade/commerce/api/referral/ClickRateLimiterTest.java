package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The click limit on the real PostgreSQL table: each limiter here has its own Bucket4j proxy manager on the same
 * DataSource, as two service instances would.
 */
class ClickRateLimiterTest extends ServiceTest {
    @Autowired
    DataSource dataSource;

    static final class MovableClock extends Clock {
        // starts at real time: the service's own sweeper deletes buckets by real time while the tests run
        Instant now = Instant.now();

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

    private ClickRateLimiter instance(MovableClock clock, int perMinute) {
        return new ClickRateLimiter(ClickRateLimitConfiguration.buckets(dataSource, clock),
                new ReferralProperties(Duration.ofDays(30), perMinute), ClickRateLimitConfiguration.salt(jdbc));
    }

    /** Addresses unique to one test run, since the table outlives it. */
    private static String address() {
        return "10." + UUID.randomUUID();
    }

    @Test
    void limitsEachAddressPerMinuteAndForgetsAfterIt() {
        MovableClock clock = new MovableClock();
        ClickRateLimiter limiter = instance(clock, 3);
        String one = address();
        String two = address();

        assertThat(limiter.allow(one)).isTrue();
        assertThat(limiter.allow(one)).isTrue();
        assertThat(limiter.allow(one)).isTrue();
        assertThat(limiter.allow(one)).isFalse();
        assertThat(limiter.allow(two)).isTrue();

        clock.now = clock.now.plusSeconds(60);
        assertThat(limiter.allow(one)).isTrue();
    }

    @Test
    void twoInstancesShareOneLimit() {
        MovableClock clock = new MovableClock();
        ClickRateLimiter first = instance(clock, 4);
        ClickRateLimiter second = instance(clock, 4);
        String address = address();

        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += (i % 2 == 0 ? first : second).allow(address) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(4);
        assertThat(first.allow(address)).isFalse();
        assertThat(second.allow(address)).isFalse();

        clock.now = clock.now.plusSeconds(60);
        assertThat(second.allow(address)).isTrue();
    }

    @Test
    void noAddressIsStored() {
        MovableClock clock = new MovableClock();
        String address = "192.0.2." + (int) (Math.random() * 200);
        instance(clock, 2).allow(address);
        assertThat(jdbc.queryForList("SELECT bucket_key FROM referral_click_bucket", String.class))
                .isNotEmpty().noneMatch(key -> key.contains(address))
                .allMatch(key -> key.matches("[0-9a-f]{64}"));
    }
}
