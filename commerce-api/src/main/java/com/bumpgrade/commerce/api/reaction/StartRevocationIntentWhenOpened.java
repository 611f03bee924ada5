package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.revocation.RevocationFollowUps;
import com.bumpgrade.commerce.domain.entitlement.RevocationIntentOpened;
import com.bumpgrade.commerce.domain.revocation.StartRevocationIntent;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An entitlement that opened a revocation slot gets its intent: the only creator of a money event's proposal,
 * and the second sender of an owner's record after the route (D60), so an interruption in between heals.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class StartRevocationIntentWhenOpened {
    private final RevocationFollowUps followUps;

    public StartRevocationIntentWhenOpened(RevocationFollowUps followUps) {
        this.followUps = followUps;
    }

    @EventHandler
    void on(RevocationIntentOpened event) {
        followUps.start(StartRevocationIntent.from(event));
    }
}
