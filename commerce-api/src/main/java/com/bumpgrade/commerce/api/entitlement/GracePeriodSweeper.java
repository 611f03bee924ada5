package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.ExpireGracePeriod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The clock side of the grace policy: entitlements whose grace period ran out are suspended. The read model only
 * says where to look; the aggregate decides, so a stale row or two instances sweeping at once change nothing.
 */
@Component
public class GracePeriodSweeper {
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public GracePeriodSweeper(JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bumpgrade.entitlements.grace-sweep-interval:PT1M}",
            initialDelayString = "${bumpgrade.entitlements.grace-sweep-interval:PT1M}")
    public void suspendExpiredGrace() {
        Instant now = clock.instant();
        List<String> due = jdbc.queryForList("SELECT entitlement_id FROM entitlement_view WHERE access = 'grace' "
                + "AND grace_until <= ? LIMIT 500", String.class, Timestamp.from(now));
        for (String id : due) {
            commands.sendAndWait(new ExpireGracePeriod(EntitlementId.of(id), now));
        }
    }
}
