package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.revocation.RevocationFollowUps;
import com.bumpgrade.commerce.domain.entitlement.CloseRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentCancelled;
import com.bumpgrade.commerce.domain.revocation.RevocationIntentDismissed;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A dismissed or cancelled intent frees its entitlement's one open slot, so the owner may record another. The
 * route sends the same command right away; this is the copy that heals an interruption (D60). Never replayed.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class FreeRevocationSlotWhenIntentClosed {
    private final RevocationFollowUps followUps;

    public FreeRevocationSlotWhenIntentClosed(RevocationFollowUps followUps) {
        this.followUps = followUps;
    }

    @EventHandler
    void on(RevocationIntentDismissed event) {
        followUps.close(new CloseRevocationIntent(event.entitlementId(), event.revocationIntentId(), "dismissed",
                event.at()));
    }

    @EventHandler
    void on(RevocationIntentCancelled event) {
        followUps.close(new CloseRevocationIntent(event.entitlementId(), event.revocationIntentId(), "cancelled",
                event.at()));
    }
}
