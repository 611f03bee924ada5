package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.stripe.StripeReferenceVault.Kind;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutItemsBought;
import com.bumpgrade.commerce.domain.checkout.CheckoutMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.checkout.CheckoutLine;
import com.bumpgrade.commerce.domain.checkout.CheckoutPaid;
import com.bumpgrade.commerce.domain.entitlement.CustomerId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.GrantEntitlement;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.webhook.WebhookEvidenceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class GrantEntitlementsWhenCheckoutPaidTest {
    private static final CheckoutIntentId CHECKOUT = CheckoutIntentId.of("chk_" + "a".repeat(32));
    private static final PublisherId DEMO = PublisherId.of("demo");
    private static final WebhookEvidenceId EVIDENCE = WebhookEvidenceId.of("whk_" + "b".repeat(32));
    private static final Instant PAID_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final OfferId MAIN = OfferId.of("launch-pass");
    private static final OfferId BUMP = OfferId.of("extra-seat");

    /** The purchased offers in a map; duplicates ignored as the table's key ignores them. */
    static final class InMemoryPurchasedOffers implements PurchasedOffers {
        final Map<CheckoutIntentId, TreeSet<String>> offers = new HashMap<>();

        @Override
        public void remember(CheckoutIntentId checkout, PublisherId publisher, List<CheckoutLine> lines) {
            lines.forEach(line -> offers.computeIfAbsent(checkout, c -> new TreeSet<>()).add(line.offerId().value()));
        }

        @Override
        public List<OfferId> of(CheckoutIntentId checkout) {
            return new ArrayList<>(offers.getOrDefault(checkout, new TreeSet<>())).stream().map(OfferId::of).toList();
        }
    }

    private final InMemoryPurchasedOffers offers = new InMemoryPurchasedOffers();
    private final InMemoryStripeReferences references = new InMemoryStripeReferences();
    private final RecordingCommands commands = new RecordingCommands();
    private final GrantEntitlementsWhenCheckoutPaid reaction =
            new GrantEntitlementsWhenCheckoutPaid(offers, references, commands);

    private static CheckoutLine line(OfferId offer, boolean bump) {
        return new CheckoutLine(offer, offer.value(), 1, Money.of(900, "USD"), bump);
    }

    private static CheckoutPaid paid() {
        return new CheckoutPaid(CHECKOUT, DEMO, EVIDENCE, Money.of(1_800, "USD"), PAID_AT);
    }

    private static GrantEntitlement grant(OfferId offer, CustomerId customer) {
        return new GrantEntitlement(EntitlementId.forPurchase(CHECKOUT, offer), DEMO, CHECKOUT, offer, customer,
                EVIDENCE, PAID_AT);
    }

    @Test
    void aPaidCheckoutGrantsOneEntitlementPerOfferBoughtInOfferOrderToTheStripeCustomer() {
        offers.remember(CHECKOUT, DEMO, List.of(line(MAIN, false), line(BUMP, true)));
        references.put(CHECKOUT.value(), Kind.CUSTOMER, "cus_123");

        reaction.on(paid());

        CustomerId customer = CustomerId.forStripeCustomer("cus_123");
        assertThat(commands.sent()).containsExactly(grant(BUMP, customer), grant(MAIN, customer));
        assertThat(references.find(customer.value(), Kind.CUSTOMER)).contains("cus_123");
    }

    @Test
    void aGuestCheckoutWithoutStripeCustomerGetsTheCheckoutsGuestCustomer() {
        offers.remember(CHECKOUT, DEMO, List.of(line(MAIN, false)));

        reaction.on(paid());

        assertThat(commands.sent()).containsExactly(grant(MAIN, CustomerId.forGuestCheckout(CHECKOUT)));
    }

    @Test
    void aCheckoutWhoseOffersWereNeverRecordedGrantsNothing() {
        reaction.on(paid());

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void aRedeliveredPaymentSendsTheSameGrantsAgainForTheAggregateToIgnore() {
        offers.remember(CHECKOUT, DEMO, List.of(line(MAIN, false)));
        offers.remember(CHECKOUT, DEMO, List.of(line(MAIN, false)));

        reaction.on(paid());
        reaction.on(paid());

        GrantEntitlement grant = grant(MAIN, CustomerId.forGuestCheckout(CHECKOUT));
        assertThat(commands.sent()).containsExactly(grant, grant);
    }

    private static CheckoutStarted started(OrderBumpMode mode) {
        return new CheckoutStarted(CHECKOUT, DEMO, MAIN, CheckoutMode.PAYMENT, List.of(line(MAIN, false),
                line(BUMP, true)), Money.of(900, "USD"), "fp", BillingContext.system("test", CorrelationId.of("c")),
                PAID_AT, false, mode);
    }

    @Test
    void buyerChoiceBumpsAreGrantedOnlyWhenTheBuyerBoughtThem() {
        reaction.on(started(OrderBumpMode.BUYER_CHOICE));
        reaction.on(paid());
        assertThat(commands.sent()).containsExactly(grant(MAIN, CustomerId.forGuestCheckout(CHECKOUT)));

        CheckoutIntentId other = CheckoutIntentId.of("chk_" + "c".repeat(32));
        reaction.on(new CheckoutStarted(other, DEMO, MAIN, CheckoutMode.PAYMENT, List.of(line(MAIN, false),
                line(BUMP, true)), Money.of(900, "USD"), "fp", BillingContext.system("test", CorrelationId.of("c")),
                PAID_AT, false, OrderBumpMode.BUYER_CHOICE));
        reaction.on(new CheckoutItemsBought(other, DEMO, EVIDENCE, List.of(line(MAIN, false), line(BUMP, true)),
                Money.of(1800, "USD"), PAID_AT));
        assertThat(offers.of(other)).containsExactly(BUMP, MAIN);
    }

    @Test
    void preselectedBumpsAreRememberedWhenTheCheckoutStarts() {
        reaction.on(started(OrderBumpMode.PRESELECTED));
        assertThat(offers.of(CHECKOUT)).containsExactly(BUMP, MAIN);
    }
}
