package com.bumpgrade.commerce.api.revocation;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.checkout.CheckoutIntentId;
import com.bumpgrade.commerce.domain.entitlement.CloseRevocationIntent;
import com.bumpgrade.commerce.domain.entitlement.EntitlementId;
import com.bumpgrade.commerce.domain.entitlement.OpenRevocationIntent;
import com.bumpgrade.commerce.domain.entitlement.RevocationOpening;
import com.bumpgrade.commerce.domain.entitlement.RevocationReason;
import com.bumpgrade.commerce.domain.entitlement.WhatIsEntitlement;
import com.bumpgrade.commerce.domain.revocation.CancelRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.ConfirmRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.DismissRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.RevocationConfirmationPolicy;
import com.bumpgrade.commerce.domain.revocation.RevocationStatus;
import com.bumpgrade.commerce.domain.revocation.StartRevocationIntent;
import com.bumpgrade.commerce.domain.revocation.WhatIsRevocationIntent;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.domain.shared.OfferId;
import com.bumpgrade.commerce.domain.shared.RevocationIntentId;
import com.bumpgrade.commerce.projections.entitlement.EntitlementView;
import com.bumpgrade.commerce.projections.revocation.RevocationIntentView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The owner's confirmed, idempotent, stale-state checked revocation writes: record an intent on an entitlement
 * (If-Match: the entitlement's version), and confirm, dismiss or cancel one (If-Match: the intent's version).
 * None of them changes access. Blocking: callers run it off the event loop.
 */
@Service
public class RevocationActions {
    private static final Set<String> OPEN = Set.of(RevocationStatus.PROPOSED.publicName(),
            RevocationStatus.RECORDED.publicName());

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final BillingWriteEnvelope envelope;
    private final RevocationFollowUps followUps;
    private final Clock clock;

    public RevocationActions(QueryGateway queries, CommandGateway commands, BillingWriteEnvelope envelope,
                             RevocationFollowUps followUps, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.envelope = envelope;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** A malformed id is refused before the envelope headers are read, a missing reason after them. */
    public WriteOutcome record(ApiCaller caller, HttpHeaders headers, String entitlementId,
                               RecordRevocationRequest request) {
        EntitlementId id = entitlementIdOrNotFound(entitlementId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("revocation.record:" + entitlementId, request),
                write -> {
                    String reason = badRequestIfBroken(() -> RevocationReason.require(request.reason()));
                    String phrase = RevocationConfirmationPolicy.record(id, reason);
                    EntitlementView entitlement = entitlement(caller, id); // 404 for a missing or foreign one
                    if (entitlement.revocation() != null && OPEN.contains(entitlement.revocation().status())) {
                        throw open(entitlement.revocation().revocationIntentId());
                    }
                    return ConfirmedAction.of(phrase, request.confirmation(), Map.of("entitlementId", entitlementId),
                            () -> executeRecord(write, entitlement, reason, request.confirmation()));
                });
    }

    private WriteResult executeRecord(BillingWrite write, EntitlementView entitlement, String reason,
                                      String confirmation) {
        EntitlementId id = EntitlementId.of(entitlement.entitlementId());
        Instant at = clock.instant();
        RevocationOpening opening;
        try {
            opening = commands.sendAndWait(OpenRevocationIntent.byOwner(id, write.caller().publisher(),
                    write.expectedVersion(), reason, confirmation, write.context(), at));
        } catch (ConcurrencyException raced) {
            // another write to the entitlement won at this version: the caller's version is stale now
            throw new BillingRuleViolation("stale_version", "The entitlement changed; read it again.");
        }
        followUps.start(new StartRevocationIntent(opening.revocationIntentId(), write.caller().publisher(), id,
                CheckoutIntentId.of(entitlement.checkoutIntentId()), OfferId.of(entitlement.offerId()), false, reason,
                write.context(), null, at));
        return WriteResult.done(HttpStatus.CREATED,
                answer(RevocationStatus.RECORDED, opening.revocationIntentId(), id));
    }

    /** confirm and dismiss a proposed intent, cancel a recorded one. */
    public WriteOutcome act(ApiCaller caller, HttpHeaders headers, String intentId, String action,
                            RevocationActionRequest request) {
        if (!RevocationIntentId.isWellFormed(intentId) || !Set.of("confirm", "dismiss", "cancel").contains(action)) {
            throw ApiException.notFound();
        }
        RevocationIntentId id = RevocationIntentId.of(intentId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("revocation." + action + ":" + intentId, request),
                write -> {
                    RevocationIntentView intent = intent(caller, intentId); // 404 for a missing or foreign one
                    EntitlementId entitlement = EntitlementId.of(intent.entitlementId());
                    String required = action.equals("cancel") ? "recorded" : "proposed";
                    if (!required.equals(intent.status())) {
                        throw new BillingRuleViolation("revocation_not_" + required,
                                "The revocation intent is " + intent.status() + ", not " + required + ".");
                    }
                    String phrase = switch (action) {
                        case "confirm" -> RevocationConfirmationPolicy.confirm(id, entitlement);
                        case "dismiss" -> RevocationConfirmationPolicy.dismiss(id, entitlement);
                        default -> RevocationConfirmationPolicy.cancel(id, entitlement);
                    };
                    return ConfirmedAction.of(phrase, request.confirmation(),
                            Map.of("revocationIntentId", intentId, "entitlementId", intent.entitlementId()),
                            () -> executeAction(write, id, entitlement, action, request.confirmation()));
                });
    }

    private WriteResult executeAction(BillingWrite write, RevocationIntentId id, EntitlementId entitlement,
                                      String action, String confirmation) {
        Instant at = clock.instant();
        var publisher = write.caller().publisher();
        Long version = write.expectedVersion();
        RevocationStatus after = switch (action) {
            case "confirm" -> {
                commands.sendAndWait(new ConfirmRevocationIntent(id, publisher, version, confirmation, write.context(),
                        at));
                yield RevocationStatus.RECORDED;
            }
            case "dismiss" -> {
                commands.sendAndWait(new DismissRevocationIntent(id, publisher, version, confirmation, write.context(),
                        at));
                yield RevocationStatus.DISMISSED;
            }
            default -> {
                commands.sendAndWait(new CancelRevocationIntent(id, publisher, version, confirmation, write.context(),
                        at));
                yield RevocationStatus.CANCELLED;
            }
        };
        if (!after.isOpen()) {
            followUps.close(new CloseRevocationIntent(entitlement, id, after.publicName(), at));
        }
        return WriteResult.done(HttpStatus.OK, answer(after, id, entitlement));
    }

    /** The caller's own intent; a missing or another publisher's intent is the same 404. */
    public RevocationIntentView intent(ApiCaller caller, String intentId) {
        if (!RevocationIntentId.isWellFormed(intentId)) {
            throw ApiException.notFound();
        }
        return queries.query(new WhatIsRevocationIntent(RevocationIntentId.of(intentId), caller.publisher()),
                        ResponseTypes.optionalInstanceOf(RevocationIntentView.class)).join()
                .orElseThrow(ApiException::notFound);
    }

    private EntitlementView entitlement(ApiCaller caller, EntitlementId id) {
        return queries.query(new WhatIsEntitlement(id, caller.publisher()),
                ResponseTypes.optionalInstanceOf(EntitlementView.class)).join().orElseThrow(ApiException::notFound);
    }

    private static Map<String, Object> answer(RevocationStatus status, RevocationIntentId id,
                                              EntitlementId entitlement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.publicName());
        body.put("revocationIntentId", id.value());
        body.put("entitlementId", entitlement.value());
        return body;
    }

    private static BillingRuleViolation open(String intentId) {
        return new BillingRuleViolation("revocation_intent_open",
                "The entitlement already has the open revocation intent " + intentId + ".");
    }

    private static EntitlementId entitlementIdOrNotFound(String value) {
        if (!EntitlementId.isWellFormed(value)) {
            throw ApiException.notFound();
        }
        return EntitlementId.of(value);
    }

    /** The domain's rule, answered as bad input (400) since the request itself is incomplete. */
    private static String badRequestIfBroken(java.util.function.Supplier<String> rule) {
        try {
            return rule.get();
        } catch (BillingRuleViolation e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }
}
