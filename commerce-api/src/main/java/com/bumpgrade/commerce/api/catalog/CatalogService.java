package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.stripe.StripeCatalog;
import com.bumpgrade.commerce.api.stripe.StripeProperties;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.catalog.AdoptSeededOffer;
import com.bumpgrade.commerce.domain.catalog.ArchiveOffer;
import com.bumpgrade.commerce.domain.catalog.CatalogConfirmationPolicy;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.OfferStatus;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.catalog.PublishOffer;
import com.bumpgrade.commerce.domain.catalog.RecordOfferStripeMapping;
import com.bumpgrade.commerce.domain.catalog.WhatIsCatalogOffer;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.domain.shared.StripeKeyMode;
import com.bumpgrade.commerce.projections.catalog.CatalogOfferView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's billing writes: publish, archive and sync to Stripe, each confirmed, idempotent and stale-state
 * checked through the envelope. Publishing with a sandbox key maps the price to Stripe at once; without one (or if
 * Stripe fails) the publish stands and the sync write maps it later. Blocking: callers run it off the event loop.
 */
@Service
public class CatalogService {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Catalog catalog;
    private final StripeCatalog stripe;
    private final StripeProperties stripeProperties;
    private final Clock clock;

    public CatalogService(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                          Catalog catalog, StripeCatalog stripe, StripeProperties stripeProperties, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.catalog = catalog;
        this.stripe = stripe;
        this.stripeProperties = stripeProperties;
        this.clock = clock;
    }

    public WriteOutcome publish(ApiCaller caller, HttpHeaders headers, String offerId, CatalogRequests.Action request) {
        OfferId id = pathId(offerId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("catalog.publish:" + id.value(), request),
                write -> {
                    CatalogOfferView offer = managed(caller, id);
                    CatalogPrice price = price(offer);
                    return ConfirmedAction.of(CatalogConfirmationPolicy.publish(offer.title(), price),
                            request.confirmation(), previewFields(offer), () -> {
                                adoptIfSeeded(write, offer);
                                commands.sendAndWait(new PublishOffer(key(caller, id), caller.publisher(),
                                        write.expectedVersion(), request.confirmation(), write.context(),
                                        clock.instant()));
                                boolean mapped = stripeProperties.keyMode() == StripeKeyMode.SANDBOX
                                        && map(write, offer, price);
                                return WriteResult.done(HttpStatus.OK, accepted("published", offer, mapped));
                            });
                });
    }

    public WriteOutcome archive(ApiCaller caller, HttpHeaders headers, String offerId, CatalogRequests.Action request) {
        OfferId id = pathId(offerId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("catalog.archive:" + id.value(), request),
                write -> {
                    CatalogOfferView offer = managed(caller, id);
                    return ConfirmedAction.of(CatalogConfirmationPolicy.archive(offer.title()),
                            request.confirmation(), previewFields(offer), () -> {
                                adoptIfSeeded(write, offer);
                                commands.sendAndWait(new ArchiveOffer(key(caller, id), caller.publisher(),
                                        write.expectedVersion(), request.confirmation(), write.context(),
                                        clock.instant()));
                                return WriteResult.done(HttpStatus.OK, accepted("archived", offer,
                                        "mapped".equals(offer.stripeSync())));
                            });
                });
    }

    /** Maps a published price recorded without a sandbox key; a preview without one (nothing to call). */
    public WriteOutcome syncToStripe(ApiCaller caller, HttpHeaders headers, String offerId,
                                     CatalogRequests.Action request) {
        OfferId id = pathId(offerId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("catalog.stripe_sync:" + id.value(), request),
                write -> {
                    CatalogOfferView offer = managed(caller, id);
                    if (!OfferStatus.PUBLISHED.publicName().equals(offer.status())) {
                        throw new BillingRuleViolation("offer_not_published",
                                "Only a published offer is mapped to Stripe.");
                    }
                    CatalogPrice price = price(offer);
                    return ConfirmedAction.of(CatalogConfirmationPolicy.syncToStripe(offer.title(), price),
                                    request.confirmation(), previewFields(offer), () -> {
                                adoptIfSeeded(write, offer);
                                if (!map(write, offer, price)) {
                                    return WriteResult.notRecorded(HttpStatus.BAD_GATEWAY, syncFailed(offer));
                                }
                                return WriteResult.done(HttpStatus.OK, accepted("published", offer, true));
                            })
                            .previewEvenIfConfirmed(stripeProperties.keyMode() == StripeKeyMode.SANDBOX
                                    ? Optional.empty() : Optional.of("sandbox_secret_missing"));
                });
    }

    /** The caller's own offer; a missing or another publisher's offer is the same 404. */
    public CatalogOfferView offer(ApiCaller caller, OfferId id) {
        return queries.query(new WhatIsCatalogOffer(caller.publisher(), id),
                ResponseTypes.optionalInstanceOf(CatalogOfferView.class)).join().orElseThrow(ApiException::notFound);
    }

    private CatalogOfferView managed(ApiCaller caller, OfferId id) {
        return offer(caller, id);
    }

    /**
     * Before the first write to an offer seeded by migration, the seed becomes an aggregate at version 0 as it
     * stands (D75), its seeded order bumps too (D90), so the write is checked, applied and audited like any other.
     * Never in a preview.
     */
    void adoptIfSeeded(BillingWrite write, CatalogOfferView offer) {
        PublisherId publisher = write.caller().publisher();
        OfferId id = OfferId.of(offer.offerId());
        if (!catalog.isSeededOffer(publisher, id)) {
            return;
        }
        commands.sendAndWait(new AdoptSeededOffer(CatalogKey.ofOffer(publisher, id), publisher, id,
                ProductId.of(offer.productId()), offer.title(), OfferRole.parse(offer.role()), price(offer),
                write.context(), clock.instant(), offer.orderBumpOfferIds().stream().map(OfferId::of).toList()));
    }

    private boolean map(BillingWrite write, CatalogOfferView offer, CatalogPrice price) {
        PublisherId publisher = write.caller().publisher();
        ProductId product = ProductId.of(offer.productId());
        String title = catalog.product(publisher, product).map(Catalog.Product::title).orElse(offer.title());
        boolean mapped = stripe.map(new StripeCatalog.Mapping(publisher.value(), CatalogKey.ofProduct(publisher,
                product), product.value(), title, offer.offerId(), price));
        if (mapped) {
            commands.sendAndWait(new RecordOfferStripeMapping(key(write.caller(), OfferId.of(offer.offerId())),
                    price.priceId(), write.context(), clock.instant()));
        }
        return mapped;
    }

    /** A malformed id in the path names no offer: 404, like a missing one. */
    static OfferId pathId(String offerId) {
        try {
            return OfferId.of(offerId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }

    private static CatalogKey key(ApiCaller caller, OfferId id) {
        return CatalogKey.ofOffer(caller.publisher(), id);
    }

    static CatalogPrice price(CatalogOfferView offer) {
        CatalogOfferView.Price p = offer.price();
        return new CatalogPrice(p.priceId(), Money.of(p.amountMinor(), p.currency()), p.interval(),
                p.intervalCount());
    }

    /** A price as the catalogue shows it. */
    static CatalogOfferView.Price priceView(CatalogPrice price) {
        return new CatalogOfferView.Price(price.priceId(), price.amount().amountMinor(), price.amount().currency(),
                price.interval(), price.intervalCount(), price.display());
    }

    private static Map<String, Object> previewFields(CatalogOfferView offer) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("offerId", offer.offerId());
        fields.put("title", offer.title());
        fields.put("price", offer.price());
        return fields;
    }

    private static Map<String, Object> syncFailed(CatalogOfferView offer) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "stripe_unavailable");
        error.put("message", "Stripe could not map the price. Nothing changed; retry with the same Idempotency-Key.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("offerId", offer.offerId());
        body.put("stripeSync", "pending");
        return body;
    }

    private static Map<String, Object> accepted(String status, CatalogOfferView offer, boolean mapped) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("offerId", offer.offerId());
        body.put("priceId", offer.price().priceId());
        body.put("stripeSync", mapped ? "mapped" : "pending");
        return body;
    }
}
