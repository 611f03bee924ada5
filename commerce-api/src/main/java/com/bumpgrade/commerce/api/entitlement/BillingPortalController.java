package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import com.bumpgrade.commerce.domain.entitlement.PortalReference;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
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

import java.net.URI;

/**
 * Customer Portal sessions ({@link BillingPortalService}): the confirmed write answers a Bumpgrade URL;
 * {@code GET /portal/{ref}} uses the reference up and redirects (303) to Stripe's short-lived portal page.
 */
@Tag(name = "entitlements")
@RestController
public class BillingPortalController {
    static final String ENTITLEMENT = "ent_5d41402abc4b2a76b9719d911017c592";

    private final BillingPortalService portals;
    private final PublicBaseUrl baseUrl;

    public BillingPortalController(BillingPortalService portals, PublicBaseUrl baseUrl) {
        this.portals = portals;
        this.baseUrl = baseUrl;
    }

    @Operation(operationId = "openPortalSession", summary = "Open a Stripe Customer Portal session for a "
            + "subscription entitlement: a preview, then (with the exact phrase) a single-use Bumpgrade link")
    @ApiResponse(responseCode = "201", description = "The session and its link",
            content = @Content(schema = @Schema(implementation = EntitlementSchemas.PortalOpened.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = EntitlementSchemas.PortalPreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 422, value = {"not_a_subscription", "subscription_ended", "confirmation_required"})
    @ErrorCodes(status = 502, value = "stripe_unavailable")
    @PostMapping(path = "/api/commerce/entitlements/{entitlementId}/portal-sessions",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> open(@Parameter(example = ENTITLEMENT) @PathVariable String entitlementId,
                                        @RequestBody PortalRequest request,
                                        ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        portals.open(caller, exchange.getRequest().getHeaders(), entitlementId, request, base)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Public: the first request with a live reference gets the portal; any other gets the one 404. */
    @Operation(operationId = "redirectToPortal", summary = "The buyer's single-use portal link: redirects to the "
            + "Stripe Customer Portal once", tags = "buyer")
    @ApiResponse(responseCode = "303", description = "To the Stripe Customer Portal; the link is used up",
            headers = @Header(name = "Location", description = "The Stripe portal URL",
                    schema = @Schema(type = "string")))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/portal/{portalRef}")
    public Mono<ResponseEntity<Object>> redirect(@Parameter(example = "prt_"
            + "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae") @PathVariable String portalRef) {
        if (!PortalReference.isWellFormed(portalRef)) {
            return Mono.error(ApiException.notFound());
        }
        PortalReference ref = PortalReference.of(portalRef);
        return Mono.fromCallable(() -> {
            String url = portals.usePortalLink(ref).orElseThrow(ApiException::notFound);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(url))
                    .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
