package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.security.Role;
import com.bumpgrade.commerce.api.stripe.StripeBillingPortal;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.PublicBaseUrl;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.domain.entitlement.Entitlement;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.OpenBillingPortal;
import com.bumpgrade.commerce.domain.entitlement.PortalReference;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Customer Portal sessions for subscription entitlements: a confirmed, idempotent write that answers with a
 * Bumpgrade URL carrying a random, single-use, short-lived reference; {@code GET /portal/{ref}} uses the reference
 * up and redirects (303) to Stripe's short-lived portal page.
 *
 * <p>Who may open a buyer's portal: an {@code owner} of the publisher, or the {@code agent} that started the
 * checkout which granted the entitlement (the actor recorded by {@code CheckoutStarted}). Any other caller is
 * answered exactly like a missing entitlement.
 */
@RestController
public class BillingPortalController {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StripeBillingPortal portal;
    private final StripeReferenceVault vault;
    private final PortalReferences references;
    private final EntitlementProperties properties;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    public BillingPortalController(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                                   StripeBillingPortal portal, StripeReferenceVault vault, PortalReferences references,
                                   EntitlementProperties properties, PublicBaseUrl baseUrl, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.portal = portal;
        this.vault = vault;
        this.references = references;
        this.properties = properties;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @PostMapping(path = "/api/commerce/entitlements/{entitlementId}/portal-sessions",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> open(@PathVariable String entitlementId, @RequestBody PortalRequest request,
                                        ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        String base = baseUrl.of(exchange.getRequest());
        return Mono.<ResponseEntity<?>>fromCallable(() -> open(caller, exchange, entitlementId, request, base))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<?> open(ApiCaller caller, ServerWebExchange exchange, String entitlementId,
                                   PortalRequest request, String base) {
        if (!EntitlementId.isWellFormed(entitlementId)) {
            throw ApiException.notFound();
        }
        EntitlementId id = EntitlementId.of(entitlementId);
        BillingWrite write = envelope.open(caller, exchange.getRequest().getHeaders(), "portal.open:" + entitlementId,
                request, true);
        // A replay answers what the first request answered, link included; a used or expired link stays so.
        Optional<ResponseEntity<String>> replay = envelope.replay(write);
        if (replay.isPresent()) {
            return replay.get();
        }
        EntitlementView view = queries.query(new WhatIsEntitlement(id, caller.publisher()),
                        ResponseTypes.optionalInstanceOf(EntitlementView.class)).join()
                .filter(found -> mayOpenPortal(caller, found))
                .orElseThrow(ApiException::notFound);
        Optional<ResponseEntity<String>> preview = envelope.previewUnlessConfirmed(
                Entitlement.phraseToOpenPortal(id), request.confirmation(), Map.of("entitlementId", entitlementId));
        if (preview.isPresent()) {
            return preview.get();
        }
        return envelope.execute(write, () -> {
            PortalSessionId session = PortalSessionId.forRequest(id, caller.actor(),
                    write.context().idempotencyKey());
            commands.sendAndWait(new OpenBillingPortal(id, caller.publisher(), write.expectedVersion(), session,
                    request.confirmation(), write.context(), clock.instant()));
            String customer = vault.find(view.subject(), StripeReferenceVault.Kind.CUSTOMER).orElse(null);
            if (customer == null || !portal.open(session, customer, base + "/checkout/" + view.checkoutIntentId()
                    + "/return?result=portal")) {
                return WriteOutcome.notRecorded(HttpStatus.BAD_GATEWAY, ApiErrors.body("stripe_unavailable",
                        "Stripe could not open the Customer Portal. Retry with the same Idempotency-Key."));
            }
            PortalReference ref = references.issue(session, id, caller.publisher(), properties.portalReferenceTtl());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "open");
            body.put("entitlementId", entitlementId);
            body.put("portalUrl", base + "/portal/" + ref.value());
            body.put("expiresInSeconds", properties.portalReferenceTtl().toSeconds());
            return WriteOutcome.done(HttpStatus.CREATED, body);
        });
    }

    /** Owners of the publisher (the query is already scoped to it), or the agent that started the purchase. */
    private boolean mayOpenPortal(ApiCaller caller, EntitlementView entitlement) {
        if (caller.role() == Role.OWNER) {
            return true;
        }
        return caller.role() == Role.AGENT && queries.query(
                        new WhatIsCheckoutIntent(CheckoutIntentId.of(entitlement.checkoutIntentId()), caller.publisher()),
                        ResponseTypes.optionalInstanceOf(CheckoutIntentView.class)).join()
                .map(intent -> intent.source() != null && caller.actor().value().equals(intent.source().startedBy()))
                .orElse(false);
    }

    /** Public: the first request with a live reference gets the portal; any other gets the one 404. */
    @GetMapping("/portal/{portalRef}")
    public Mono<ResponseEntity<Object>> redirect(@PathVariable String portalRef) {
        if (!PortalReference.isWellFormed(portalRef)) {
            return Mono.error(ApiException.notFound());
        }
        return Mono.fromCallable(() -> {
            String url = references.consume(PortalReference.of(portalRef))
                    .flatMap(session -> vault.find(session.value(), StripeReferenceVault.Kind.PORTAL_URL))
                    .orElseThrow(ApiException::notFound);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(url))
                    .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
