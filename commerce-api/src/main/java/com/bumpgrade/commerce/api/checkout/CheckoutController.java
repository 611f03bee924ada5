package com.bumpgrade.commerce.api.checkout;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.domain.checkout.WhichCheckoutIntents;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentPage;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Agent and owner routes of the checkout capability. */
@Tag(name = "checkout", description = "Checkouts: preview, confirm, read and expire")
@RestController
@RequestMapping(path = "/api/commerce", produces = MediaType.APPLICATION_JSON_VALUE)
public class CheckoutController {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String CHECKOUT_INTENT = "chk_23a0274e29a7362db0a965f97c7f9d6f";

    private final CheckoutService checkout;
    private final QueryGateway queries;
    private final PublicBaseUrl baseUrl;

    public CheckoutController(CheckoutService checkout, QueryGateway queries, PublicBaseUrl baseUrl) {
        this.checkout = checkout;
        this.queries = queries;
        this.baseUrl = baseUrl;
    }

    @Operation(operationId = "startCheckout", summary = "Start a checkout: a preview, then (with the exact phrase) "
            + "the intent and its Stripe Checkout Session")
    @ApiResponse(responseCode = "201", description = "Created: the intent and its Checkout Session",
            content = @Content(schema = @Schema(implementation = CheckoutSchemas.Opened.class)))
    @ApiResponse(responseCode = "502", description = "Stripe failed: nothing was charged, the answer is not stored",
            content = @Content(schema = @Schema(implementation = CheckoutSchemas.SessionFailed.class)))
    @BillingWriteRoute(targetsExistingRecord = false, previewFields = CheckoutSchemas.PreviewFields.class,
            previewReasons = {"sandbox_secret_missing", "live_key_refused"})
    @ErrorCodes(status = 409, value = {"checkout_expired", "checkout_not_awaiting_session", "stale_session_attempt"})
    @ErrorCodes(status = 422, value = {"unknown_offer", "unknown_order_bump", "not_a_main_offer", "not_an_order_bump",
            "duplicate_order_bump", "too_many_order_bumps", "order_bump_currency_mismatch", "invalid_quantity",
            "subscription_checkout_is_single", "empty_checkout", "unknown_referral_click", "referral_click_expired",
            "referral_click_used", "order_bump_not_offered", "order_bump_not_on_stripe"})
    @ErrorCodes(status = 502, value = "stripe_unavailable")
    @PostMapping(path = "/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> start(@RequestBody CheckoutRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return write(() -> checkout.start(caller, exchange.getRequest().getHeaders(), request, base));
    }

    @Operation(operationId = "startPlanCheckout", summary = "Subscribe the caller's publisher to a Bumpgrade plan: "
            + "a preview, then (with the exact phrase) a subscription checkout")
    @ApiResponse(responseCode = "201", description = "Created: the intent and its Checkout Session",
            content = @Content(schema = @Schema(implementation = CheckoutSchemas.Opened.class)))
    @ApiResponse(responseCode = "502", description = "Stripe failed: nothing was charged, the answer is not stored",
            content = @Content(schema = @Schema(implementation = CheckoutSchemas.SessionFailed.class)))
    @BillingWriteRoute(targetsExistingRecord = false, previewFields = CheckoutSchemas.PreviewFields.class,
            previewReasons = {"sandbox_secret_missing", "live_plans_disabled"})
    @ErrorCodes(status = 409, value = {"checkout_expired", "checkout_not_awaiting_session", "stale_session_attempt"})
    @ErrorCodes(status = 422, value = "unknown_plan")
    @ErrorCodes(status = 502, value = "stripe_unavailable")
    @PostMapping(path = "/plans/{planId}/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> startPlan(@Parameter(example = "creator-plan") @PathVariable String planId,
                                             @RequestBody PlanCheckoutRequest request,
                                             ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return write(() -> checkout.startPlan(caller, exchange.getRequest().getHeaders(), planId, request, base));
    }

    @Operation(operationId = "expireCheckout", summary = "Expire a checkout that is not paid: a preview, then (with "
            + "the exact phrase, at the current version) the intent and its Stripe session")
    @ApiResponse(responseCode = "200", description = "Expired",
            content = @Content(schema = @Schema(implementation = CheckoutSchemas.Expired.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = CheckoutSchemas.ExpirePreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = {"checkout_paid", "checkout_refunded", "checkout_failed"})
    @PostMapping(path = "/checkout-intents/{checkoutIntentId}/expire", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> expire(@Parameter(example = CHECKOUT_INTENT) @PathVariable String checkoutIntentId,
                                          @RequestBody ExpireCheckoutRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> checkout.expire(caller, exchange.getRequest().getHeaders(), checkoutIntentId, request));
    }

    @Operation(operationId = "listCheckoutIntents", summary = "The publisher's checkout intents, newest first, "
            + "a page at a time")
    @ApiResponse(responseCode = "200", description = "One page; nextCursor is present while more intents follow",
            content = @Content(schema = @Schema(implementation = CheckoutListing.CheckoutList.class)))
    @ErrorCodes(status = 400, value = {"invalid_status", "invalid_time", "invalid_time_range", "invalid_cursor",
            "invalid_limit"})
    @GetMapping("/checkout-intents")
    public Mono<ResponseEntity<?>> list(
            @Parameter(schema = @Schema(allowableValues = {"started", "open", "session_failed", "expired", "failed",
                    "paid", "refunded"})) @RequestParam(required = false) String status,
            @Parameter(description = "Created at or after this time (ISO-8601 with offset)",
                    example = "2026-12-01T00:00:00Z") @RequestParam(required = false) String from,
            @Parameter(description = "Created before this time (ISO-8601 with offset)",
                    example = "2026-12-31T00:00:00Z") @RequestParam(required = false) String to,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false)
            String cursor,
            @Parameter(description = "1-100, default 20", schema = @Schema(type = "integer", minimum = "1",
                    maximum = "100", defaultValue = "20")) @RequestParam(required = false) String limit,
            ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        WhichCheckoutIntents query = CheckoutListing.query(caller.publisher(), status, from, to, cursor, limit);
        return blocking(() -> ResponseEntity.ok(CheckoutListing.render(
                queries.query(query, ResponseTypes.instanceOf(CheckoutIntentPage.class)).join())));
    }

    @Operation(operationId = "getCheckoutIntent", summary = "The public-safe status of a checkout intent")
    @ApiResponse(responseCode = "200", description = "The intent",
            headers = @Header(name = "ETag", description = "\"<version>\": the If-Match of a write to it",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = CheckoutIntentView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/checkout-intents/{checkoutIntentId}")
    public Mono<ResponseEntity<?>> find(@Parameter(example = CHECKOUT_INTENT) @PathVariable String checkoutIntentId,
                                        ServerWebExchange exchange) {
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
