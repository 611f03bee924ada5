package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.api.stripe.StripeReferences;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.entitlement.CustomerId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.GrantEntitlement;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A trusted payment (CheckoutPaid, only ever from a verified webhook) grants one entitlement per offer the
 * checkout bought, main offer and order bumps alike; the offers are remembered when the checkout starts (and, for
 * bumps the buyer chose on Stripe's page, once the buyer bought them: the reactions see a checkout's events in order,
 * so before its payment). The buyer
 * becomes a Bumpgrade customer id; the Stripe customer behind it is kept in the private reference table. Never
 * replayed: grants are commands already in the store.
 */
@Component
@ProcessingGroup(ProcessingGroups.REACTIONS)
@DisallowReplay
public class GrantEntitlementsWhenCheckoutPaid {
    private final PurchasedOffers offers;
    private final StripeReferences references;
    private final CommandGateway commands;

    public GrantEntitlementsWhenCheckoutPaid(PurchasedOffers offers, StripeReferences references,
                                             CommandGateway commands) {
        this.offers = offers;
        this.references = references;
        this.commands = commands;
    }

    /** Buyer-choice bumps are only offered: they are remembered once the buyer bought them. */
    @EventHandler
    void on(CheckoutStarted event) {
        boolean offeredOnly = event.orderBumpMode() == OrderBumpMode.BUYER_CHOICE;
        offers.remember(event.checkoutIntentId(), event.publisherId(), offeredOnly
                ? event.lines().stream().filter(line -> !line.orderBump()).toList() : event.lines());
    }

    @EventHandler
    void on(CheckoutItemsBought event) {
        offers.remember(event.checkoutIntentId(), event.publisherId(), event.lines());
    }

    @EventHandler
    void on(CheckoutPaid event) {
        CustomerId customer = references.find(event.checkoutIntentId().value(), Kind.CUSTOMER)
                .map(stripeCustomer -> {
                    CustomerId id = CustomerId.forStripeCustomer(stripeCustomer);
                    references.put(id.value(), Kind.CUSTOMER, stripeCustomer);
                    return id;
                })
                .orElseGet(() -> CustomerId.forGuestCheckout(event.checkoutIntentId()));
        for (OfferId offer : offers.of(event.checkoutIntentId())) {
            commands.sendAndWait(new GrantEntitlement(EntitlementId.forPurchase(event.checkoutIntentId(), offer),
                    event.publisherId(), event.checkoutIntentId(), offer, customer, event.evidenceId(),
                    event.paidAt()));
        }
    }
}
