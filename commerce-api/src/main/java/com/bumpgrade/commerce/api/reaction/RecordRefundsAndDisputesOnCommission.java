package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.commission.RecordCommissionDispute;
import com.bumpgrade.commerce.domain.commission.RecordCommissionRefund;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A refund or dispute of a checkout whose commission entry was opened is recorded on that entry, which holds and
 * reverses the commission. Checkouts without an opened entry earn nothing, so there is nothing to record. Never
 * replayed.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class RecordRefundsAndDisputesOnCommission {
    private final CommissionAttributions attributions;
    private final CommandGateway commands;

    public RecordRefundsAndDisputesOnCommission(CommissionAttributions attributions, CommandGateway commands) {
        this.attributions = attributions;
        this.commands = commands;
    }

    @EventHandler
    void on(CheckoutRefunded event) {
        opened(event.checkoutIntentId()).ifPresent(a -> commands.sendAndWait(new RecordCommissionRefund(a.entryId(),
                event.refundedTotal(), event.evidenceId(), event.refundedAt())));
    }

    @EventHandler
    void on(CheckoutDisputeOpened event) {
        opened(event.checkoutIntentId()).ifPresent(a -> commands.sendAndWait(new RecordCommissionDispute(a.entryId(),
                event.disputeRef(), DisputePhase.OPENED, event.disputeStatus(), event.evidenceId(), event.openedAt())));
    }

    @EventHandler
    void on(CheckoutDisputeClosed event) {
        opened(event.checkoutIntentId()).ifPresent(a -> commands.sendAndWait(new RecordCommissionDispute(a.entryId(),
                event.disputeRef(), DisputePhase.CLOSED, event.disputeStatus(), event.evidenceId(), event.closedAt())));
    }

    private Optional<CommissionAttributions.Attribution> opened(CheckoutIntentId checkout) {
        return attributions.of(checkout).filter(CommissionAttributions.Attribution::entryOpened);
    }
}
