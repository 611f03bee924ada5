package com.bumpgrade.commerce.domain.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One referral click as recorded history. It only records: attribution reads the {@code referral_click} lookup
 * row written in the same transaction, and the commission ledger marks its use. Registered with Axon by the api
 * module's configuration.
 */
public class ReferralClick {
    @AggregateIdentifier
    private ReferralClickId clickId;

    protected ReferralClick() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    public ReferralClick(RecordReferralClick command) {
        apply(new ReferralClickRecorded(command.clickId(), command.publisherId(), command.partnerId(),
                command.context(), command.clickedAt()));
    }

    @EventSourcingHandler
    void on(ReferralClickRecorded event) {
        clickId = event.clickId();
    }
}
