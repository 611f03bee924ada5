package com.bumpgrade.commerce.api.commission;

import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeClosed;
import com.bumpgrade.commerce.domain.checkout.CheckoutDisputeOpened;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutReferralAttributed;
import com.bumpgrade.commerce.domain.checkout.CheckoutRefunded;
import com.bumpgrade.commerce.domain.shared.DisputePhase;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.OpenCommissionEntry;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.commission.RecordCommissionDispute;
import com.bumpgrade.commerce.domain.commission.RecordCommissionRefund;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns trusted checkout outcomes into commission ledger commands: a paid attributed checkout opens its entry (one
 * per click), refunds and disputes hold and reverse it. Only events that came from verified webhooks reach it.
 * Events of one checkout arrive in order (same aggregate, same sequence), so the attribution is known before the
 * payment. Never replayed: its commands are side effects already in the event store.
 */
@Component
@ProcessingGroup(CommissionPolicy.GROUP)
@DisallowReplay
public class CommissionPolicy {
    public static final String GROUP = "commission-policy";
    private static final Logger log = LoggerFactory.getLogger(CommissionPolicy.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    public CommissionPolicy(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    private record Attribution(String publisherId, String clickId, String partnerId, int basisPoints,
                               boolean entryOpened) {
        CommissionEntryId entryId() {
            return CommissionEntryId.forClick(ReferralClickId.of(clickId));
        }
    }

    @EventHandler
    void on(CheckoutReferralAttributed event) {
        jdbc.update("""
                        INSERT INTO commission_attribution (checkout_intent_id, publisher_id, click_id, partner_id,
                            commission_basis_points) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.checkoutIntentId().value(), event.publisherId().value(), event.attribution().clickId().value(),
                event.attribution().partnerId().value(), event.attribution().commissionBasisPoints());
    }

    @EventHandler
    void on(CheckoutPaid event) {
        Optional<Attribution> attribution = attribution(event.checkoutIntentId());
        if (attribution.isEmpty()) {
            return;
        }
        Attribution a = attribution.get();
        try {
            commands.sendAndWait(new OpenCommissionEntry(a.entryId(), event.publisherId(), PartnerId.of(a.partnerId()),
                    event.checkoutIntentId(), ReferralClickId.of(a.clickId()), event.amountPaid(), a.basisPoints(),
                    event.evidenceId(), event.paidAt()));
            jdbc.update("UPDATE commission_attribution SET entry_opened = TRUE WHERE checkout_intent_id = ?",
                    event.checkoutIntentId().value());
        } catch (BillingRuleViolation refused) {
            // the click already earned a commission on another paid checkout: this one earns none
            log.info("No commission for {}: {}", event.checkoutIntentId(), refused.code());
        }
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

    private Optional<Attribution> opened(CheckoutIntentId intent) {
        return attribution(intent).filter(Attribution::entryOpened);
    }

    private Optional<Attribution> attribution(CheckoutIntentId intent) {
        return jdbc.query("SELECT * FROM commission_attribution WHERE checkout_intent_id = ?",
                (rs, row) -> new Attribution(rs.getString("publisher_id"), rs.getString("click_id"),
                        rs.getString("partner_id"), rs.getInt("commission_basis_points"),
                        rs.getBoolean("entry_opened")), intent.value()).stream().findFirst();
    }
}
