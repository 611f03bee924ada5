package com.bumpgrade.commerce.domain.referral;

import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A publisher's referral partner as recorded history: who registered it, when, and with which terms. Created
 * once; a second registration of the same partner meets the store's unique key. The referral code's uniqueness
 * per publisher is the {@code partner} lookup table's, written in the same transaction. Registered with Axon by
 * the api module's configuration.
 */
public class Partner {
    @AggregateIdentifier
    private PartnerRecordId partnerRecordId;

    protected Partner() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    public Partner(RegisterPartner command) {
        if (command.commissionBasisPoints() < 0 || command.commissionBasisPoints() > 10_000) {
            throw new BillingRuleViolation("invalid_field", "Field 'commissionBasisPoints' must be 0-10000.");
        }
        if (!command.partnerRecordId().equals(PartnerRecordId.forPartner(command.publisherId(), command.partnerId()))) {
            throw new IllegalArgumentException("the record id must be the partner's own");
        }
        apply(new PartnerRegistered(command.partnerRecordId(), command.publisherId(), command.partnerId(),
                command.displayName(), command.referralCode(), command.commissionBasisPoints(), command.context(),
                command.registeredAt()));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partnerRecordId = event.partnerRecordId();
    }
}
