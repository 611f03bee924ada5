package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.catalog.CatalogConfirmationPolicy;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.CatalogTitle;
import com.bumpgrade.commerce.domain.catalog.DraftOffer;
import com.bumpgrade.commerce.domain.catalog.DraftProduct;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.catalog.ProductKind;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The owner's draft writes: products, and offers with their price, while they are drafts. Like every write they go
 * through the envelope (phrase, key, correlation, client; D76), but need no If-Match: a draft is free to edit,
 * and nothing is sold until a publish. Blocking: callers run it off the event loop.
 */
@Service
public class CatalogDrafts {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final Catalog catalog;
    private final CatalogService offers;
    private final Clock clock;

    public CatalogDrafts(BillingWriteEnvelope envelope, CommandGateway commands, Catalog catalog,
                         CatalogService offers, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.catalog = catalog;
        this.offers = offers;
        this.clock = clock;
    }

    public WriteOutcome product(ApiCaller caller, HttpHeaders headers, CatalogRequests.Product request) {
        return envelope.submit(caller, headers, WriteRequest.create("catalog.product", request), write -> {
            ProductId id = field("productId", () -> ProductId.of(required("productId", request.productId())));
            ProductKind kind = rule(() -> ProductKind.parse(required("kind", request.kind())));
            String title = rule(() -> CatalogTitle.require(required("title", request.title())));
            if (catalog.product(caller.publisher(), id).map(Catalog.Product::seeded).orElse(false)) {
                throw new BillingRuleViolation("seeded_product", "This product was seeded by migration; the "
                        + "catalogue does not change it.");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("productId", id.value());
            body.put("title", title);
            body.put("kind", kind.publicName());
            return ConfirmedAction.of(CatalogConfirmationPolicy.saveProduct(title, kind), request.confirmation(), body,
                    () -> {
                        commands.sendAndWait(new DraftProduct(CatalogKey.ofProduct(caller.publisher(), id),
                                caller.publisher(), id, title, kind, write.context(), clock.instant()));
                        return WriteResult.done(HttpStatus.OK, body);
                    });
        });
    }

    public WriteOutcome offer(ApiCaller caller, HttpHeaders headers, CatalogRequests.Offer request) {
        return envelope.submit(caller, headers, WriteRequest.create("catalog.offer", request), write -> {
            PublisherId publisher = caller.publisher();
            OfferId id = offerId(request.offerId());
            ProductId product = field("productId", () -> ProductId.of(required("productId", request.productId())));
            OfferRole role = rule(() -> OfferRole.parse(required("role", request.role())));
            String title = rule(() -> CatalogTitle.require(required("title", request.title())));
            CatalogPrice price = price(publisher, id, request.price());
            if (catalog.isSeededOffer(publisher, id)) {
                // seeds are published by migration, and a published offer never changes
                throw new BillingRuleViolation("offer_published", "The offer is published (seeded by migration); "
                        + "a different price is a new offer.");
            }
            if (catalog.product(publisher, product).isEmpty()) {
                throw new BillingRuleViolation("unknown_product", "Product '" + product.value() + "' does not exist.");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("offerId", id.value());
            fields.put("title", title);
            fields.put("price", CatalogService.priceView(price));
            return ConfirmedAction.of(CatalogConfirmationPolicy.saveOffer(title, price), request.confirmation(),
                    fields, () -> {
                        commands.sendAndWait(new DraftOffer(CatalogKey.ofOffer(publisher, id), publisher, id, product,
                                title, role, price, write.context(), clock.instant()));
                        return WriteResult.done(HttpStatus.OK, offers.offer(caller, id));
                    });
        });
    }

    private static CatalogPrice price(PublisherId publisher, OfferId offer, CatalogRequests.Price price) {
        if (price == null || price.amountMinor() == null || price.currency() == null) {
            throw ApiException.badRequest("invalid_field", "Field 'price' needs amountMinor and currency.");
        }
        Money amount = field("price.currency", () -> Money.of(price.amountMinor() < 0 ? 0 : price.amountMinor(),
                price.currency()));
        if (price.amountMinor() < 0) {
            throw ApiException.badRequest("invalid_price", "price.amountMinor must be a positive amount.");
        }
        return rule(() -> CatalogPrice.of(publisher, offer, amount, price.interval(), price.intervalCount()));
    }

    static OfferId offerId(String value) {
        return field("offerId", () -> OfferId.of(required("offerId", value)));
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' is required.");
        }
        return value;
    }

    private static <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' is not valid: " + e.getMessage());
        }
    }

    /** The domain's rules on input are bad input (400), not a conflict. */
    private static <T> T rule(Supplier<T> check) {
        try {
            return check.get();
        } catch (BillingRuleViolation e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }
}
