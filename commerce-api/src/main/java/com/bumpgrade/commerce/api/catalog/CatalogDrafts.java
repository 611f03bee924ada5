package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.catalog.CatalogKey;
import com.bumpgrade.commerce.domain.catalog.CatalogPrice;
import com.bumpgrade.commerce.domain.catalog.CatalogTitle;
import com.bumpgrade.commerce.domain.catalog.DraftOffer;
import com.bumpgrade.commerce.domain.catalog.DraftProduct;
import com.bumpgrade.commerce.domain.catalog.OfferRole;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.catalog.ProductKind;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.ClientAttribution;
import com.bumpgrade.commerce.domain.shared.CorrelationId;
import com.bumpgrade.commerce.domain.shared.Money;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.catalog.CatalogOfferView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The owner's draft writes: products, and offers with their price, while they are drafts. Not billing writes (no
 * phrase, no If-Match: nothing is sold until a publish), but audited like every change: the events carry the
 * caller and, when given, the correlation id and client headers. Blocking: callers run it off the event loop.
 */
@Service
public class CatalogDrafts {
    private final CommandGateway commands;
    private final Catalog catalog;
    private final CatalogService offers;
    private final Clock clock;

    public CatalogDrafts(CommandGateway commands, Catalog catalog, CatalogService offers, Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.offers = offers;
        this.clock = clock;
    }

    public Map<String, Object> product(ApiCaller caller, HttpHeaders headers, CatalogRequests.Product request) {
        ProductId id = field("productId", () -> ProductId.of(required("productId", request.productId())));
        ProductKind kind = rule(() -> ProductKind.parse(required("kind", request.kind())));
        if (catalog.product(caller.publisher(), id).map(Catalog.Product::seeded).orElse(false)) {
            throw new BillingRuleViolation("seeded_product", "This product was seeded by migration; the catalogue "
                    + "does not change it.");
        }
        commands.sendAndWait(new DraftProduct(CatalogKey.ofProduct(caller.publisher(), id), caller.publisher(), id,
                rule(() -> CatalogTitle.require(required("title", request.title()))), kind, context(caller, headers), clock.instant()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", id.value());
        body.put("title", request.title());
        body.put("kind", kind.publicName());
        return body;
    }

    public CatalogOfferView offer(ApiCaller caller, HttpHeaders headers, CatalogRequests.Offer request) {
        PublisherId publisher = caller.publisher();
        OfferId id = offerId(request.offerId());
        ProductId product = field("productId", () -> ProductId.of(required("productId", request.productId())));
        OfferRole role = rule(() -> OfferRole.parse(required("role", request.role())));
        CatalogPrice price = price(publisher, id, request.price());
        if (catalog.isSeededOffer(publisher, id)) {
            throw new BillingRuleViolation("seeded_offer", "This offer was seeded by migration; the catalogue does "
                    + "not change it.");
        }
        if (catalog.product(publisher, product).isEmpty()) {
            throw new BillingRuleViolation("unknown_product", "Product '" + product.value() + "' does not exist.");
        }
        commands.sendAndWait(new DraftOffer(CatalogKey.ofOffer(publisher, id), publisher, id, product,
                rule(() -> CatalogTitle.require(required("title", request.title()))), role, price, context(caller, headers), clock.instant()));
        return offers.offer(caller, id);
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

    /** The correlation id and client are optional here; absent, the audit entry says so rather than guessing. */
    private static BillingContext context(ApiCaller caller, HttpHeaders headers) {
        CorrelationId correlation = header(headers.getFirst(BillingWriteEnvelope.CORRELATION_ID),
                CorrelationId::of, () -> CorrelationId.of("catalog-" + UUID.randomUUID()));
        ClientAttribution client = header(headers.getFirst(BillingWriteEnvelope.CLIENT), ClientAttribution::of,
                () -> ClientAttribution.of("unspecified"));
        return new BillingContext(caller.actor(), caller.role().publicName(), client, correlation, null);
    }

    private static <T> T header(String value, Function<String, T> parse, Supplier<T> absent) {
        if (value == null || value.isBlank()) {
            return absent.get();
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_header", "A correlation or client header is malformed.");
        }
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
