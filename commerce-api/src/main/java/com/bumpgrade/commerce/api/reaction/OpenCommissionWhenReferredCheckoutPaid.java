package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.commission.OpenCommissionEntry;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A paid checkout that a referral click brought opens the click's commission entry (one per click). Only events
 * that came from verified webhooks reach it. Events of one checkout arrive in order (same aggregate, same
 * sequence), so the attribution is remembered before the payment. Never replayed: its commands are side effects
 * already in the event store.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class OpenCommissionWhenReferredCheckoutPaid {
    private static final Logger log = LoggerFactory.getLogger(OpenCommissionWhenReferredCheckoutPaid.class);

    private final CommissionAttributions attributions;
    private final CommandGateway commands;

    public OpenCommissionWhenReferredCheckoutPaid(CommissionAttributions attributions, CommandGateway commands) {
        this.attributions = attributions;
        this.commands = commands;
    }

    @EventHandler
    void on(CheckoutReferralAttributed event) {
        attributions.remember(event.checkoutIntentId(), event.publisherId(), event.attribution().clickId(),
                event.attribution().partnerId(), event.attribution().commissionBasisPoints());
    }

    @EventHandler
    void on(CheckoutPaid event) {
        attributions.of(event.checkoutIntentId()).ifPresent(a -> {
            try {
                commands.sendAndWait(new OpenCommissionEntry(a.entryId(), event.publisherId(),
                        PartnerId.of(a.partnerId()), event.checkoutIntentId(), ReferralClickId.of(a.clickId()),
                        event.amountPaid(), a.basisPoints(), event.evidenceId(), event.paidAt()));
                attributions.markEntryOpened(event.checkoutIntentId());
            } catch (BillingRuleViolation refused) {
                // the click already earned a commission on another paid checkout: this one earns none
                log.info("No commission for {}: {}", event.checkoutIntentId(), refused.code());
            }
        });
    }
}
