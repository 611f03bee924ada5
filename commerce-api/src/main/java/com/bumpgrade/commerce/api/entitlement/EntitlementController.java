package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.domain.entitlement.WhichEntitlements;
import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
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
@RestController
@RequestMapping(path = "/api/commerce/entitlements", produces = MediaType.APPLICATION_JSON_VALUE)
public class EntitlementController {
    private final QueryGateway queries;

    public EntitlementController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public Mono<Map<String, List<EntitlementView>>> byCheckout(@RequestParam String checkoutIntentId,
                                                               ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if (!CheckoutIntentId.isWellFormed(checkoutIntentId)) {
            return Mono.error(ApiException.badRequest("invalid_checkout_intent_id",
                    "checkoutIntentId must look like chk_ followed by 32 hex digits."));
        }
        return Mono.fromCallable(() -> Map.of("entitlements", queries.query(
                        new WhichEntitlements(caller.publisher(), CheckoutIntentId.of(checkoutIntentId)),
                        ResponseTypes.multipleInstancesOf(EntitlementView.class)).join()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{entitlementId}")
    public Mono<ResponseEntity<EntitlementView>> find(@PathVariable String entitlementId, ServerWebExchange exchange) {
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
