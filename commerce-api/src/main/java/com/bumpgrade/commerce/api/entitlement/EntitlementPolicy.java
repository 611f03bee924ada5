package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.stripe.StripeReferenceVault;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.entitlement.CustomerId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.GrantEntitlement;
import com.bumpgrade.commerce.domain.shared.OfferId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A trusted payment (CheckoutPaid, only ever from a verified webhook) grants one entitlement per offer the
 * checkout bought, main offer and order bumps alike. The buyer becomes a Bumpgrade customer id; the Stripe customer
 * behind it is kept in the private reference table. Never replayed: grants are commands already in the store.
 */
@Component
@ProcessingGroup(EntitlementPolicy.GROUP)
@DisallowReplay
public class EntitlementPolicy {
    public static final String GROUP = "entitlement-policy";

    private final JdbcTemplate jdbc;
    private final StripeReferenceVault vault;
    private final CommandGateway commands;

    public EntitlementPolicy(JdbcTemplate jdbc, StripeReferenceVault vault, CommandGateway commands) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.commands = commands;
    }

    @EventHandler
    void on(CheckoutStarted event) {
        for (CheckoutLine line : event.lines()) {
            jdbc.update("INSERT INTO entitlement_purchase (checkout_intent_id, offer_id, publisher_id) "
                            + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", event.checkoutIntentId().value(),
                    line.offerId().value(), event.publisherId().value());
        }
    }

    @EventHandler
    void on(CheckoutPaid event) {
        CustomerId customer = vault.find(event.checkoutIntentId().value(), StripeReferenceVault.Kind.CUSTOMER)
                .map(stripeCustomer -> {
                    CustomerId id = CustomerId.forStripeCustomer(stripeCustomer);
                    vault.put(id.value(), StripeReferenceVault.Kind.CUSTOMER, stripeCustomer);
                    return id;
                })
                .orElseGet(() -> CustomerId.forGuestCheckout(event.checkoutIntentId()));
        List<String> offers = jdbc.queryForList(
                "SELECT offer_id FROM entitlement_purchase WHERE checkout_intent_id = ? ORDER BY offer_id",
                String.class, event.checkoutIntentId().value());
        for (String offer : offers) {
            OfferId offerId = OfferId.of(offer);
            commands.sendAndWait(new GrantEntitlement(EntitlementId.forPurchase(event.checkoutIntentId(), offerId),
                    event.publisherId(), event.checkoutIntentId(), offerId, customer, event.evidenceId(),
                    event.paidAt()));
        }
    }
}
