package com.bumpgrade.commerce.api.referral;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.domain.referral.PartnerId;
import com.bumpgrade.commerce.domain.referral.ReferralClickId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Partner registration (owners, {@link PartnerRegistration}) and the public referral click route. */
@Tag(name = "commissions")
@RestController
public class ReferralController {
    private final ReferralRegistry registry;
    private final ClickRateLimiter limiter;
    private final ReferralProperties properties;
    private final PartnerRegistration registration;
    private final ReferralClicks clicks;
    private final Clock clock;

    public ReferralController(ReferralRegistry registry, ClickRateLimiter limiter, ReferralProperties properties,
                              PartnerRegistration registration, ReferralClicks clicks, Clock clock) {
        this.registry = registry;
        this.limiter = limiter;
        this.properties = properties;
        this.registration = registration;
        this.clicks = clicks;
        this.clock = clock;
    }

    /** Public: a visitor followed a partner's link. Returns the click id the checkout later names. */
    @Operation(operationId = "recordReferralClick", summary = "A visitor followed a partner's referral link",
            tags = "buyer")
    @ApiResponse(responseCode = "201", description = "The click, attributable to a checkout until the time given",
            content = @Content(schema = @Schema(implementation = ReferralSchemas.Click.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 429, value = "rate_limited")
    @PostMapping(path = "/referrals/{publisherId}/{code}/clicks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> click(
            @Parameter(example = "demo") @PathVariable String publisherId,
            @Parameter(example = "ADA30") @PathVariable String code, ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown"
                : remote.getAddress().getHostAddress();
        return Mono.fromCallable(() -> {
            // the limit is a database round trip (shared by all instances), so it runs off the event loop too
            if (!limiter.allow(address)) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                        "Too many referral clicks from this address; try again in a minute.");
            }
            if (!publisherId.matches("[A-Za-z0-9._:-]{1,64}") || !code.matches("[A-Za-z0-9_-]{1,64}")) {
                throw ApiException.notFound();
            }
            PublisherId publisher = PublisherId.of(publisherId);
            ReferralRegistry.Partner partner = registry.partnerByCode(publisher, code)
                    .orElseThrow(ApiException::notFound);
            ReferralClickId click = ReferralClickId.random();
            Instant now = clock.instant();
            clicks.record(click, publisher, PartnerId.of(partner.partnerId()), exchange.getRequest().getHeaders(), now);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clickId", click.value());
            body.put("attributableUntil", now.plus(properties.attributionWindow()).toString());
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "listPartners", summary = "The publisher's referral partners")
    @ApiResponse(responseCode = "200", description = "The partners, by id",
            content = @Content(schema = @Schema(implementation = ReferralSchemas.Partners.class)))
    @GetMapping(path = "/api/commerce/partners", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, List<ReferralRegistry.Partner>>> partners(ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> Map.of("partners", registry.partners(caller.publisher())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "registerPartner", summary = "Register a referral partner: a preview, then (with the "
            + "exact phrase) the partner")
    @ApiResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ReferralSchemas.Registered.class)))
    @BillingWriteRoute(targetsExistingRecord = false)
    @ErrorCodes(status = 409, value = {"partner_exists", "publisher_has_no_catalog"})
    @PostMapping(path = "/api/commerce/partners", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> register(@RequestBody RegisterPartnerRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        registration.register(caller, exchange.getRequest().getHeaders(), request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
