package com.bumpgrade.commerce.api.referral;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** Wires the click limiter to the shared PostgreSQL buckets (table from V10) and sweeps buckets that are full again. */
@Configuration(proxyBeanMethods = false)
public class ClickRateLimitConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ClickRateLimitConfiguration.class);

    /** One manager per instance; every instance's manager works on the same table, hence on the same buckets. */
    public static PostgreSQLSelectForUpdateBasedProxyManager<String> buckets(DataSource dataSource, Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("referral_click_bucket")
                .idColumn("bucket_key")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a bucket that has refilled to full holds nothing worth keeping (a margin for clock skew)
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    public static String salt(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT salt FROM referral_click_salt", String.class);
    }

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> referralClickBuckets(DataSource dataSource, Clock clock) {
        return buckets(dataSource, clock);
    }

    @Bean
    ClickRateLimiter clickRateLimiter(PostgreSQLSelectForUpdateBasedProxyManager<String> referralClickBuckets,
                                      ReferralProperties properties, JdbcTemplate jdbc) {
        return new ClickRateLimiter(referralClickBuckets, properties, salt(jdbc));
    }

    @Bean
    ExpiredBucketSweeper expiredReferralClickBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
        return new ExpiredBucketSweeper(buckets);
    }

    /** Deletes expired buckets in batches; any instance may run it, SKIP LOCKED keeps them apart. */
    static final class ExpiredBucketSweeper {
        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        ExpiredBucketSweeper(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "${bumpgrade.referrals.bucket-sweep-interval:PT1M}", initialDelay = 60_000)
        void sweep() {
            try {
                int removed;
                do {
                    removed = buckets.removeExpired(1000);
                } while (removed == 1000);
            } catch (RuntimeException e) {
                log.warn("Sweeping expired referral click buckets failed: {}", e.getClass().getName());
            }
        }
    }

    /** Bucket4j measures time with the service's clock, so tests can move it. */
    record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return Math.multiplyExact(clock.millis(), 1_000_000L);
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
