package com.bumpgrade.commerce.api.entitlement;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.security.Role;
import com.bumpgrade.commerce.api.stripe.StripeBillingPortal;
import com.bumpgrade.commerce.api.stripe.StripeReferenceVault;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.checkout.WhatIsCheckoutIntent;
import com.bumpgrade.commerce.domain.entitlement.Entitlement;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.OpenBillingPortal;
import com.bumpgrade.commerce.domain.entitlement.PortalReference;
import com.bumpgrade.commerce.domain.entitlement.PortalSessionId;
import com.bumpgrade.commerce.domain.entitlement.RecordBillingPortalFailure;
import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.projections.checkout.CheckoutIntentView;
import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Customer Portal sessions for subscription entitlements: a confirmed, idempotent write that answers with a
 * Bumpgrade URL carrying a random, single-use, short-lived reference, and the use of that reference.
 *
 * <p>Who may open a buyer's portal: an {@code owner} of the publisher, or the {@code agent} that started the
 * checkout which granted the entitlement (the actor recorded by {@code CheckoutStarted}). Any other caller is
 * answered exactly like a missing entitlement.
 */
@Service
public class BillingPortalService {
    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StripeBillingPortal portal;
    private final StripeReferenceVault vault;
    private final PortalReferences references;
    private final EntitlementProperties properties;
    private final Clock clock;

    public BillingPortalService(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                                StripeBillingPortal portal, StripeReferenceVault vault, PortalReferences references,
                                EntitlementProperties properties, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.portal = portal;
        this.vault = vault;
        this.references = references;
        this.properties = properties;
        this.clock = clock;
    }

    /** A replay answers what the first request answered, link included; a used or expired link stays so. */
    public WriteOutcome open(ApiCaller caller, HttpHeaders headers, String entitlementId, PortalRequest request,
                             String base) {
        if (!EntitlementId.isWellFormed(entitlementId)) {
            throw ApiException.notFound();
        }
        EntitlementId id = EntitlementId.of(entitlementId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("portal.open:" + entitlementId, request),
                write -> {
                    EntitlementView view = queries.query(new WhatIsEntitlement(id, caller.publisher()),
                                    ResponseTypes.optionalInstanceOf(EntitlementView.class)).join()
                            .filter(found -> mayOpenPortal(caller, found))
                            .orElseThrow(ApiException::notFound);
                    return ConfirmedAction.of(Entitlement.phraseToOpenPortal(id), request.confirmation(),
                            Map.of("entitlementId", entitlementId), () -> execute(write, id, view, request, base));
                });
    }

    private WriteResult execute(BillingWrite write, EntitlementId id, EntitlementView view, PortalRequest request,
                                String base) {
        ApiCaller caller = write.caller();
        PortalSessionId session = PortalSessionId.forRequest(id, caller.actor(), write.context().idempotencyKey());
        commands.sendAndWait(new OpenBillingPortal(id, caller.publisher(), write.expectedVersion(), session,
                request.confirmation(), write.context(), clock.instant()));
        String customer = vault.find(view.subject(), StripeReferenceVault.Kind.CUSTOMER).orElse(null);
        if (customer == null || !portal.open(session, customer, base + "/checkout/" + view.checkoutIntentId()
                + "/return?result=portal")) {
            // recorded for the audit trail; the answer is not stored, so a retry with the key tries again
            commands.sendAndWait(new RecordBillingPortalFailure(id, caller.publisher(), session,
                    customer == null ? "no_stripe_customer" : "stripe_unavailable", write.context(), clock.instant()));
            return WriteResult.notRecorded(HttpStatus.BAD_GATEWAY, ApiErrors.body("stripe_unavailable",
                    "Stripe could not open the Customer Portal. Retry with the same Idempotency-Key."));
        }
        PortalReference ref = references.issue(session, id, caller.publisher(), properties.portalReferenceTtl());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "open");
        body.put("entitlementId", id.value());
        body.put("portalUrl", base + "/portal/" + ref.value());
        body.put("expiresInSeconds", properties.portalReferenceTtl().toSeconds());
        return WriteResult.done(HttpStatus.CREATED, body);
    }

    /** Uses the reference up: Stripe's portal page the first time, empty for any other request. */
    public Optional<String> usePortalLink(PortalReference ref) {
        return references.consume(ref)
                .flatMap(session -> vault.find(session.value(), StripeReferenceVault.Kind.PORTAL_URL));
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
}
