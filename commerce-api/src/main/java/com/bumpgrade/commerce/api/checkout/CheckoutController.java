package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
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

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Agent and owner routes of the checkout capability. */
@RestController
@RequestMapping(path = "/api/commerce", produces = MediaType.APPLICATION_JSON_VALUE)
public class CheckoutController {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final CheckoutService checkout;
    private final QueryGateway queries;
    private final PublicBaseUrl baseUrl;

    public CheckoutController(CheckoutService checkout, QueryGateway queries, PublicBaseUrl baseUrl) {
        this.checkout = checkout;
        this.queries = queries;
        this.baseUrl = baseUrl;
    }

    @PostMapping(path = "/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> start(@RequestBody CheckoutRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return write(() -> checkout.start(caller, exchange.getRequest().getHeaders(), request, base));
    }

    @PostMapping(path = "/plans/{planId}/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> startPlan(@PathVariable String planId, @RequestBody PlanCheckoutRequest request,
                                             ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return write(() -> checkout.startPlan(caller, exchange.getRequest().getHeaders(), planId, request, base));
    }

    @PostMapping(path = "/checkout-intents/{checkoutIntentId}/expire", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> expire(@PathVariable String checkoutIntentId,
                                          @RequestBody ExpireCheckoutRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> checkout.expire(caller, exchange.getRequest().getHeaders(), checkoutIntentId, request));
    }

    @GetMapping("/checkout-intents/{checkoutIntentId}")
    public Mono<ResponseEntity<?>> find(@PathVariable String checkoutIntentId, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if (!CheckoutIntentId.isWellFormed(checkoutIntentId)) {
            return Mono.error(ApiException.notFound());
        }
        return blocking(() -> {
            Optional<CheckoutIntentView> view = queries.query(
                    new WhatIsCheckoutIntent(CheckoutIntentId.of(checkoutIntentId), caller.publisher()),
                    ResponseTypes.optionalInstanceOf(CheckoutIntentView.class)).join();
            // Another publisher's intent answers exactly like a missing one.
            CheckoutIntentView found = view.orElseThrow(ApiException::notFound);
            return ResponseEntity.ok().eTag("\"" + found.version() + "\"").body(found);
        });
    }

    private static Mono<ResponseEntity<?>> write(Callable<WriteOutcome> work) {
        return blocking(() -> WriteResponses.render(work.call()));
    }

    static Mono<ResponseEntity<?>> blocking(Callable<ResponseEntity<?>> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).timeout(TIMEOUT);
    }
}
