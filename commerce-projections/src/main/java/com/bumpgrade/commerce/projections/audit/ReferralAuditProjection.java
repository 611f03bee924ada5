package com.bumpgrade.commerce.projections.audit;

import com.bumpgrade.commerce.domain.referral.PartnerRegistered;
import com.bumpgrade.commerce.domain.referral.ReferralClickRecorded;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The audit entries of referral partners and clicks. A partner's display name is free text an owner typed: it
 * stays out.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_TRAIL)
public class ReferralAuditProjection {
    private final AuditTrail trail;

    public ReferralAuditProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(PartnerRegistered event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.registeredAt(), event.context(),
                "partner.register", "partner", event.partnerId().value(), "registered",
                Map.of("referralCode", event.referralCode(), "commissionBasisPoints", event.commissionBasisPoints()),
                null));
    }

    /** The visitor is anonymous; the entry says which partner's link was followed, nothing about who. */
    @EventHandler
    void on(ReferralClickRecorded event, EventMessage<?> message) {
        trail.record(message, new AuditTrail.Entry(event.publisherId(), event.clickedAt(), event.context(),
                "referral.click", "referral_click", event.clickId().value(), "recorded",
                Map.of("partnerId", event.partnerId().value()), null));
    }
}
