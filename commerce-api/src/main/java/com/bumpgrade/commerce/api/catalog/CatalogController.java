package com.bumpgrade.commerce.api.catalog;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.domain.catalog.WhichCatalogOffers;
import com.bumpgrade.commerce.projections.catalog.CatalogOfferView;
import com.bumpgrade.commerce.projections.catalog.CatalogOffers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** The owner catalogue: drafts, the confirmed publish, archive and Stripe sync, and the discovery routes. */
@Tag(name = "catalog", description = "Products, offers and prices: drafts, publishing, discovery")
@RestController
@RequestMapping(path = "/api/commerce/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
public class CatalogController {
    private static final String OFFER = "launch-pass";

    private final CatalogDrafts drafts;
    private final CatalogService catalog;
    private final CatalogOrderBumps orderBumps;
    private final QueryGateway queries;

    public CatalogController(CatalogDrafts drafts, CatalogService catalog, CatalogOrderBumps orderBumps,
                             QueryGateway queries) {
        this.drafts = drafts;
        this.catalog = catalog;
        this.orderBumps = orderBumps;
        this.queries = queries;
    }

    @Operation(operationId = "draftCatalogProduct", summary = "Create a product, or edit its title and kind: a "
            + "preview, then (with the exact phrase) the product is saved")
    @ApiResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = CatalogSchemas.Product.class)))
    @BillingWriteRoute(targetsExistingRecord = false, previewFields = CatalogSchemas.ProductPreviewFields.class)
    @ErrorCodes(status = 400, value = {"invalid_field", "invalid_kind", "invalid_title"})
    @ErrorCodes(status = 409, value = "seeded_product")
    @PostMapping(path = "/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> product(@RequestBody CatalogRequests.Product request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> drafts.product(caller, exchange.getRequest().getHeaders(), request));
    }

    @Operation(operationId = "draftCatalogOffer", summary = "Create a draft offer with its price, or edit the "
            + "draft: a preview, then (with the exact phrase) the draft is saved; its version is the If-Match of a "
            + "publish")
    @ApiResponse(responseCode = "200", description = "The draft",
            content = @Content(schema = @Schema(implementation = CatalogOfferView.class)))
    @BillingWriteRoute(targetsExistingRecord = false, previewFields = CatalogSchemas.PreviewFields.class)
    @ErrorCodes(status = 400, value = {"invalid_field", "invalid_role", "invalid_title", "invalid_price"})
    @ErrorCodes(status = 409, value = {"offer_published", "offer_archived"})
    @ErrorCodes(status = 422, value = "unknown_product")
    @PostMapping(path = "/offers", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> offer(@RequestBody CatalogRequests.Offer request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> drafts.offer(caller, exchange.getRequest().getHeaders(), request));
    }

    @Operation(operationId = "publishCatalogOffer", summary = "Publish a draft offer at its price: a preview, then "
            + "(with the exact phrase, at the current version) the offer is on sale and, with a sandbox key, mapped "
            + "to a Stripe Price")
    @ApiResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = CatalogSchemas.Accepted.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = CatalogSchemas.PreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = {"offer_published", "offer_archived"})
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/offers/{offerId}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> publish(@Parameter(example = OFFER) @PathVariable String offerId,
                                           @RequestBody CatalogRequests.Action request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> catalog.publish(caller, exchange.getRequest().getHeaders(), offerId, request));
    }

    @Operation(operationId = "archiveCatalogOffer", summary = "Stop selling an offer: a preview, then (with the "
            + "exact phrase, at the current version) no new checkout may sell it")
    @ApiResponse(responseCode = "200", description = "Archived",
            content = @Content(schema = @Schema(implementation = CatalogSchemas.Accepted.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = CatalogSchemas.PreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "offer_archived")
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/offers/{offerId}/archive", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> archive(@Parameter(example = OFFER) @PathVariable String offerId,
                                           @RequestBody CatalogRequests.Action request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> catalog.archive(caller, exchange.getRequest().getHeaders(), offerId, request));
    }

    @Operation(operationId = "syncCatalogOfferToStripe", summary = "Map a published price to a Stripe Price later "
            + "(it was published without a sandbox key, or Stripe failed): a preview, then the mapping")
    @ApiResponse(responseCode = "200", description = "Mapped",
            content = @Content(schema = @Schema(implementation = CatalogSchemas.Accepted.class)))
    @ApiResponse(responseCode = "502", description = "Stripe failed: nothing mapped, the answer is not stored",
            content = @Content(schema = @Schema(implementation = CatalogSchemas.SyncFailed.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = CatalogSchemas.PreviewFields.class,
            previewReasons = "sandbox_secret_missing")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "offer_archived")
    @ErrorCodes(status = 422, value = {"confirmation_required", "offer_not_published"})
    @ErrorCodes(status = 502, value = "stripe_unavailable")
    @PostMapping(path = "/offers/{offerId}/stripe-sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> sync(@Parameter(example = OFFER) @PathVariable String offerId,
                                        @RequestBody CatalogRequests.Action request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> catalog.syncToStripe(caller, exchange.getRequest().getHeaders(), offerId, request));
    }

    @Operation(operationId = "setCatalogOrderBumps", summary = "Set the order bumps a main offer may be sold with, in "
            + "order (at most 5; empty removes them): a preview, then (with the exact phrase, at the current version) "
            + "checkouts of the offer sell only these bumps")
    @ApiResponse(responseCode = "200", description = "Set",
            content = @Content(schema = @Schema(implementation = CatalogSchemas.OrderBumpsSet.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = CatalogSchemas.OrderBumpsPreviewFields.class)
    @ErrorCodes(status = 400, value = "invalid_field")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "offer_archived")
    @ErrorCodes(status = 422, value = {"confirmation_required", "not_a_main_offer", "too_many_order_bumps",
            "duplicate_order_bump", "unknown_order_bump"})
    @PostMapping(path = "/offers/{offerId}/order-bumps", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> orderBumps(@Parameter(example = OFFER) @PathVariable String offerId,
                                              @RequestBody CatalogRequests.OrderBumps request,
                                              ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> orderBumps.set(caller, exchange.getRequest().getHeaders(), offerId, request));
    }

    @Operation(operationId = "listCatalogOffers", summary = "The publisher's published offers with their prices, "
            + "order bumps and post-purchase paths: what an agent may sell")
    @GetMapping("/offers")
    public Mono<CatalogOffers> list(ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> queries.query(new WhichCatalogOffers(caller.publisher()),
                ResponseTypes.instanceOf(CatalogOffers.class)).join()).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "getCatalogOffer", summary = "One offer of the publisher, in any status")
    @ApiResponse(responseCode = "200", description = "The offer",
            headers = @Header(name = "ETag", description = "\"<version>\": the If-Match of a write to it (0 for "
                    + "an offer seeded by migration that no write changed yet)", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = CatalogOfferView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/offers/{offerId}")
    public Mono<ResponseEntity<CatalogOfferView>> find(@Parameter(example = OFFER) @PathVariable String offerId,
                                                       ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return blocking(() -> tagged(catalog.offer(caller, CatalogService.pathId(offerId))));
    }

    private static ResponseEntity<CatalogOfferView> tagged(CatalogOfferView offer) {
        return ResponseEntity.ok().eTag("\"" + offer.version() + "\"").body(offer);
    }

    private static Mono<ResponseEntity<?>> write(Callable<WriteOutcome> work) {
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(work.call()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
