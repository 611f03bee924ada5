package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.ExpireGracePeriod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * When an entitlement's grace period has run out, the clock's reaction: suspend it. The read model only says where
 * to look; the aggregate decides, so a stale row or two instances sweeping at once change nothing.
 */
@Component
public class ExpireEndedGracePeriods {
    private final EndedGracePeriods ended;
    private final CommandGateway commands;
    private final Clock clock;

    public ExpireEndedGracePeriods(EndedGracePeriods ended, CommandGateway commands, Clock clock) {
        this.ended = ended;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bumpgrade.entitlements.grace-sweep-interval:PT1M}",
            initialDelayString = "${bumpgrade.entitlements.grace-sweep-interval:PT1M}")
    public void suspendExpiredGrace() {
        Instant now = clock.instant();
        for (EntitlementId id : ended.endedBy(now)) {
            commands.sendAndWait(new ExpireGracePeriod(id, now));
        }
    }
}
