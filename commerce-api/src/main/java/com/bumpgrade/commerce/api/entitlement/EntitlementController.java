package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.domain.entitlement.CustomerId;
import com.bumpgrade.commerce.domain.entitlement.WhichEntitlements;
import com.bumpgrade.commerce.domain.entitlement.WhichEntitlementsOfCustomer;
import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** Entitlement queries, scoped to the caller's publisher (another publisher's grant answers as missing). */
@Tag(name = "entitlements", description = "Access granted by paid checkouts, and the buyer's billing portal")
@RestController
@RequestMapping(path = "/api/commerce/entitlements", produces = MediaType.APPLICATION_JSON_VALUE)
public class EntitlementController {
    private final QueryGateway queries;

    public EntitlementController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listEntitlements", summary = "The entitlements a checkout granted, or a buyer's "
            + "entitlements (exactly one of checkoutIntentId or customerId)")
    @ApiResponse(responseCode = "200", description = "Empty for an intent that is unknown, not paid or another "
            + "publisher's, and for a buyer with no grant of this publisher; a buyer's newest first",
            content = @Content(schema = @Schema(implementation = EntitlementSchemas.Entitlements.class)))
    @ErrorCodes(status = 400, value = {"invalid_checkout_intent_id", "invalid_customer_id",
            "invalid_entitlement_filter"})
    @GetMapping
    public Mono<Map<String, List<EntitlementView>>> list(
            @Parameter(example = "chk_23a0274e29a7362db0a965f97c7f9d6f") @RequestParam(required = false)
            String checkoutIntentId,
            @Parameter(description = "The buyer's Bumpgrade customer id, the subject of an entitlement",
                    example = "bgc_78944efefd1a5c214c72e7aabf38135b") @RequestParam(required = false)
            String customerId,
            ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if ((checkoutIntentId == null) == (customerId == null)) {
            return Mono.error(ApiException.badRequest("invalid_entitlement_filter",
                    "Give exactly one of checkoutIntentId or customerId."));
        }
        Object query;
        if (checkoutIntentId != null) {
            if (!CheckoutIntentId.isWellFormed(checkoutIntentId)) {
                return Mono.error(ApiException.badRequest("invalid_checkout_intent_id",
                        "checkoutIntentId must look like chk_ followed by 32 hex digits."));
            }
            query = new WhichEntitlements(caller.publisher(), CheckoutIntentId.of(checkoutIntentId));
        } else {
            if (!CustomerId.isWellFormed(customerId)) {
                return Mono.error(ApiException.badRequest("invalid_customer_id",
                        "customerId must look like bgc_ followed by 32 hex digits."));
            }
            query = new WhichEntitlementsOfCustomer(caller.publisher(), CustomerId.of(customerId));
        }
        return Mono.fromCallable(() -> Map.of("entitlements", queries.query(query,
                        ResponseTypes.multipleInstancesOf(EntitlementView.class)).join()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "getEntitlement", summary = "One entitlement")
    @ApiResponse(responseCode = "200", description = "The entitlement",
            headers = @Header(name = "ETag",
                    description = "\"<version>\": the If-Match of a portal session or a revocation intent",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = EntitlementView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/{entitlementId}")
    public Mono<ResponseEntity<EntitlementView>> find(
            @Parameter(example = BillingPortalController.ENTITLEMENT) @PathVariable String entitlementId,
            ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if (!EntitlementId.isWellFormed(entitlementId)) {
            return Mono.error(ApiException.notFound());
        }
        return Mono.fromCallable(() -> {
            EntitlementView view = queries.query(new WhatIsEntitlement(EntitlementId.of(entitlementId),
                            caller.publisher()), ResponseTypes.optionalInstanceOf(EntitlementView.class)).join()
                    .orElseThrow(ApiException::notFound);
            return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
