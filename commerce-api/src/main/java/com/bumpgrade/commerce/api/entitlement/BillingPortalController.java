package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import com.bumpgrade.commerce.domain.entitlement.PortalReference;
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
@RestController
public class BillingPortalController {
    private final BillingPortalService portals;
    private final PublicBaseUrl baseUrl;

    public BillingPortalController(BillingPortalService portals, PublicBaseUrl baseUrl) {
        this.portals = portals;
        this.baseUrl = baseUrl;
    }

    @PostMapping(path = "/api/commerce/entitlements/{entitlementId}/portal-sessions",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> open(@PathVariable String entitlementId, @RequestBody PortalRequest request,
                                        ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        portals.open(caller, exchange.getRequest().getHeaders(), entitlementId, request, base)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Public: the first request with a live reference gets the portal; any other gets the one 404. */
    @GetMapping("/portal/{portalRef}")
    public Mono<ResponseEntity<Object>> redirect(@PathVariable String portalRef) {
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
