package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.OpenRevocationIntent;
import com.bumpgrade.commerce.domain.entitlement.RevocationReason;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * When the money of a paid checkout went back (a full refund, or a dispute closed lost), each entitlement the
 * checkout granted gets a proposed revocation intent carrying the webhook's evidence id, for its owner to confirm
 * or dismiss. The entitlement proposes once, whatever arrives again (D61). A partial refund or an open dispute
 * proposes nothing. Never replayed.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class ProposeRevocationWhenMoneyReturned {
    private final PurchasedOffers offers;
    private final CommandGateway commands;

    public ProposeRevocationWhenMoneyReturned(PurchasedOffers offers, CommandGateway commands) {
        this.offers = offers;
        this.commands = commands;
    }

    @EventHandler
    void on(CheckoutRefunded event) {
        if (event.fullyRefunded()) {
            propose(event.checkoutIntentId(), event.publisherId(), RevocationReason.FULL_REFUND, event.evidenceId(),
                    event.refundedAt());
        }
    }

    @EventHandler
    void on(CheckoutDisputeClosed event) {
        if ("lost".equals(event.disputeStatus())) {
            propose(event.checkoutIntentId(), event.publisherId(), RevocationReason.DISPUTE_LOST, event.evidenceId(),
                    event.closedAt());
        }
    }

    private void propose(CheckoutIntentId checkout, PublisherId publisher, String reason, WebhookEvidenceId evidence,
                         Instant at) {
        for (OfferId offer : offers.of(checkout)) {
            try {
                commands.sendAndWait(OpenRevocationIntent.fromMoney(EntitlementId.forPurchase(checkout, offer),
                        publisher, reason, evidence, at));
            } catch (AggregateNotFoundException notGranted) {
                // an offer of the cart that was never granted (a bump the buyer did not take): nothing to revoke
            }
        }
    }
}
