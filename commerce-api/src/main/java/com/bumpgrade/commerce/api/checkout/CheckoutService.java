package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.catalog.Catalog;
import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.referral.ReferralProperties;
import com.bumpgrade.commerce.api.referral.ReferralRegistry;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.stripe.CheckoutSessionRequest;
import com.bumpgrade.commerce.api.stripe.CheckoutSessionResult;
import com.bumpgrade.commerce.api.stripe.StripeCheckoutSessions;
import com.bumpgrade.commerce.api.stripe.StripeProperties;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.checkout.CartPolicy;
import com.bumpgrade.commerce.domain.checkout.CheckoutConfirmationPolicy;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.CheckoutProgress;
import com.bumpgrade.commerce.domain.checkout.CheckoutStatus;
import com.bumpgrade.commerce.domain.checkout.ExpireCheckout;
import com.bumpgrade.commerce.domain.checkout.OrderBumpMode;
import com.bumpgrade.commerce.domain.checkout.RecordStripeSessionExpiry;
import com.bumpgrade.commerce.domain.checkout.PricedOffer;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutSessionFailed;
import com.bumpgrade.commerce.domain.checkout.RecordCheckoutSessionOpened;
import com.bumpgrade.commerce.domain.checkout.SandboxPolicy;
import com.bumpgrade.commerce.domain.checkout.StartCheckout;
import com.bumpgrade.commerce.domain.referral.AttributionPolicy;
import com.bumpgrade.commerce.domain.referral.ReferralAttribution;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StripeKeyMode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checkout use cases. Blocking (JDBC, Axon, stripe-java): the controller runs it off the event loop.
 * Order of a confirmed start: idempotency claim, intent recorded (StartCheckout), Stripe called, outcome recorded.
 */
@Service
public class CheckoutService {
    private final BillingWriteEnvelope envelope;
    private final Catalog catalog;
    private final CommandGateway commands;
    private final StripeCheckoutSessions stripe;
    private final StripeProperties stripeProperties;
    private final ReferralRegistry referrals;
    private final ReferralProperties referralProperties;
    private final PlanProperties plans;
    private final StripeReferenceVault vault;
    private final Clock clock;

    public CheckoutService(BillingWriteEnvelope envelope, Catalog catalog, CommandGateway commands,
                           StripeCheckoutSessions stripe, StripeProperties stripeProperties,
                           ReferralRegistry referrals, ReferralProperties referralProperties, PlanProperties plans,
                           StripeReferenceVault vault, Clock clock) {
        this.vault = vault;
        this.plans = plans;
        this.referrals = referrals;
        this.referralProperties = referralProperties;
        this.envelope = envelope;
        this.catalog = catalog;
        this.commands = commands;
        this.stripe = stripe;
        this.stripeProperties = stripeProperties;
        this.clock = clock;
    }

    public WriteOutcome start(ApiCaller caller, HttpHeaders headers, CheckoutRequest request, String baseUrl) {
        return envelope.submit(caller, headers, WriteRequest.create("checkout.start", request), write -> {
            Quote quote = quote(caller.publisher(), request);
            // An invalid click is refused loudly, in preview too: a purchase never silently loses its attribution.
            ReferralAttribution attribution = attribution(write, request.referralClickId());
            // a subscription has no bumps, so its phrase keeps its cadence whatever the mode
            String phrase = quote.bumpMode() == OrderBumpMode.BUYER_CHOICE && quote.cart().interval() == null
                    ? CheckoutConfirmationPolicy.phraseToOfferBumps(quote.cart().lines())
                    : quote.cart().interval() == null
                    ? CheckoutConfirmationPolicy.phraseToCreate(quote.cart().lines(), quote.cart().total())
                    : CheckoutConfirmationPolicy.phraseToSubscribe(quote.cart().lines(), quote.cart().total(),
                    quote.cart().interval(), quote.cart().intervalCount());
            return ConfirmedAction.of(phrase, request.confirmation(),
                            CheckoutResponses.previewFields(request.offerId(), quote.cart(), quote.bumpMode()),
                            () -> open(write, request.offerId(), quote, attribution, false, baseUrl))
                    .previewEvenIfConfirmed(SandboxPolicy.previewReasonForPublisherOffer(stripeProperties.keyMode()));
        });
    }

    /**
     * An owner subscribes their own publisher to a Bumpgrade plan: the only checkout that may use a live key, and
     * only when live plan billing is enabled. The intent belongs to the subscribing publisher.
     */
    public WriteOutcome startPlan(ApiCaller caller, HttpHeaders headers, String planId, PlanCheckoutRequest request,
                                  String baseUrl) {
        return envelope.submit(caller, headers, WriteRequest.create("plan.checkout:" + planId, request), write -> {
            Map<String, String> priceIds = new LinkedHashMap<>();
            PricedOffer plan = find(PublisherId.of(plans.publisher()), offerId(planId, "planId"), priceIds,
                    "unknown_plan");
            if (!plan.recurring()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_plan", "That offer is not a plan.");
            }
            Quote quote = new Quote(CartPolicy.cartFor(plan, 1, List.of()), priceIds, List.of(),
                    OrderBumpMode.PRESELECTED);
            String phrase = CheckoutConfirmationPolicy.phraseToSubscribePublisher(caller.publisher(), plan.title(),
                    quote.cart().total(), quote.cart().interval());
            boolean live = stripeProperties.keyMode() == StripeKeyMode.LIVE;
            return ConfirmedAction.of(phrase, request.confirmation(), CheckoutResponses.previewFields(planId,
                            quote.cart(), quote.bumpMode()), () -> open(write, planId, quote, null, live, baseUrl))
                    .previewEvenIfConfirmed(SandboxPolicy.previewReasonForPlan(stripeProperties.keyMode(),
                            plans.liveEnabled()));
        });
    }

    private ReferralAttribution attribution(BillingWrite write, String clickId) {
        if (clickId == null) {
            return null;
        }
        Optional<ReferralRegistry.Click> click = referrals.click(clickId);
        CheckoutIntentId id = CheckoutIntentId.derive(write.caller().publisher(), write.caller().actor(),
                write.context().idempotencyKey());
        AttributionPolicy.requireAttachable(click.map(ReferralRegistry.Click::stored).orElse(null),
                write.caller().publisher(), clock.instant(), referralProperties.attributionWindow(), id.value());
        return new ReferralAttribution(click.get().clickId(), click.get().partnerId(),
                click.get().commissionBasisPoints(), click.get().stored().clickedAt());
    }

    private WriteResult open(BillingWrite write, String offerId, Quote quote, ReferralAttribution attribution,
                              boolean livemode, String baseUrl) {
        PublisherId publisher = write.caller().publisher();
        CheckoutIntentId id = CheckoutIntentId.derive(publisher, write.caller().actor(),
                write.context().idempotencyKey());
        CheckoutProgress progress = commands.sendAndWait(new StartCheckout(id, publisher, OfferId.of(offerId),
                quote.cart().mode(), quote.cart().lines(), quote.cart().total(), write.fingerprint(), write.context(),
                clock.instant(), attribution, livemode, quote.offeredBumps(), quote.bumpMode()));
        if (progress.status() == CheckoutStatus.OPEN) {
            return WriteResult.done(HttpStatus.CREATED, CheckoutResponses.opened(id, offerId, quote.cart(),
                    quote.bumpMode(), baseUrl));
        }
        if (!progress.needsSession()) {
            throw new BillingRuleViolation("checkout_" + progress.status().publicName(),
                    "The checkout is " + progress.status().publicName() + " and cannot be opened again.");
        }
        CheckoutSessionResult result = stripe.create(new CheckoutSessionRequest(id, publisher,
                progress.nextAttempt(), quote.cart().mode(), quote.cart().interval(), quote.cart().intervalCount(),
                quote.cart().lines(), quote.priceIds(), baseUrl, quote.bumpMode()));
        if (result instanceof CheckoutSessionResult.Opened opened) {
            commands.sendAndWait(new RecordCheckoutSessionOpened(id, progress.nextAttempt(), opened.expiresAt(),
                    write.context(), clock.instant()));
            return WriteResult.done(HttpStatus.CREATED, CheckoutResponses.opened(id, offerId, quote.cart(),
                    quote.bumpMode(), baseUrl));
        }
        CheckoutSessionResult.Failed failed = (CheckoutSessionResult.Failed) result;
        commands.sendAndWait(new RecordCheckoutSessionFailed(id, progress.nextAttempt(), failed.failure(),
                write.context(), clock.instant()));
        return WriteResult.notRecorded(HttpStatus.BAD_GATEWAY, CheckoutResponses.stripeFailed(id));
    }

    public WriteOutcome expire(ApiCaller caller, HttpHeaders headers, String checkoutIntentId,
                               ExpireCheckoutRequest request) {
        if (!CheckoutIntentId.isWellFormed(checkoutIntentId)) {
            throw ApiException.notFound();
        }
        CheckoutIntentId id = CheckoutIntentId.of(checkoutIntentId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("checkout.expire:" + id.value(), request),
                write -> ConfirmedAction.of(CheckoutConfirmationPolicy.phraseToExpire(id), request.confirmation(),
                        Map.of("checkoutIntentId", id.value()), () -> {
                            commands.sendAndWait(new ExpireCheckout(id, caller.publisher(), write.expectedVersion(),
                                    write.context(), clock.instant()));
                            boolean stripeSessionExpired = stripe.expire(id.value());
                            commands.sendAndWait(new RecordStripeSessionExpiry(id, caller.publisher(),
                                    stripeSessionExpired, write.context(), clock.instant()));
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("status", CheckoutStatus.EXPIRED.publicName());
                            body.put("checkoutIntentId", id.value());
                            body.put("stripeSessionExpired", stripeSessionExpired);
                            return WriteResult.done(HttpStatus.OK, body);
                        }));
    }

    /** {@code offeredBumps}: the main offer's list in the catalogue, which the intent checks the cart against. */
    private record Quote(CartPolicy.Cart cart, Map<String, String> priceIds, List<OfferId> offeredBumps,
                         OrderBumpMode bumpMode) {
    }

    private Quote quote(PublisherId publisher, CheckoutRequest request) {
        OfferId mainOffer = offerId(request.offerId(), "offerId");
        long quantity = request.quantity() == null ? 1 : request.quantity();
        OrderBumpMode bumpMode = request.orderBumpMode() == null ? OrderBumpMode.PRESELECTED
                : OrderBumpMode.parse(request.orderBumpMode()).orElseThrow(() -> ApiException.badRequest(
                "invalid_field", "Field 'orderBumpMode' must be preselected or buyer_choice."));
        Map<String, String> priceIds = new LinkedHashMap<>();
        PricedOffer main = find(publisher, mainOffer, priceIds, "unknown_offer");
        List<PricedOffer> bumps = new ArrayList<>();
        CartPolicy.requireOrderBumpCount(request.orderBumpOfferIds().size());
        for (String bump : request.orderBumpOfferIds()) {
            bumps.add(find(publisher, offerId(bump, "orderBumpOfferIds"), priceIds, "unknown_order_bump"));
        }
        CartPolicy.Cart cart = CartPolicy.cartFor(main, quantity, bumps);
        List<OfferId> offered = catalog.orderBumpsOf(publisher, mainOffer);
        CartPolicy.requireOffered(offered, cart.lines());
        if (bumpMode == OrderBumpMode.BUYER_CHOICE) {
            requireStripePrices(bumps, priceIds);
            cart = CartPolicy.offeringBumps(cart);
        }
        return new Quote(cart, priceIds, offered, bumpMode);
    }

    /** Stripe takes optional items by Price only: a bump the buyer may tick needs its price synced (D77). */
    private void requireStripePrices(List<PricedOffer> bumps, Map<String, String> priceIds) {
        for (PricedOffer bump : bumps) {
            if (vault.find(priceIds.get(bump.offerId().value()), StripeReferenceVault.Kind.PRICE).isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "order_bump_not_on_stripe",
                        "Order bump '" + bump.offerId().value() + "' has no Stripe Price yet: the owner syncs it to "
                                + "Stripe first, or the bump is pre-selected.");
            }
        }
    }

    private PricedOffer find(PublisherId publisher, OfferId offer, Map<String, String> priceIds, String code) {
        Catalog.CatalogOffer found = catalog.findActiveOffer(publisher, offer).orElseThrow(() ->
                new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code,
                        "Offer '" + offer.value() + "' is not sold by this publisher."));
        priceIds.put(offer.value(), found.priceId());
        return found.offer();
    }

    private static OfferId offerId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' is required.");
        }
        try {
            return OfferId.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' is not a valid offer id.");
        }
    }
}
