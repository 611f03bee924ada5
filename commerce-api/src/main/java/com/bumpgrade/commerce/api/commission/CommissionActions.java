package com.bumpgrade.commerce.api.commission;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.commission.CommissionConfirmationPolicy;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionReason;
import com.bumpgrade.commerce.domain.commission.HoldCommission;
import com.bumpgrade.commerce.domain.commission.MarkCommissionReviewed;
import com.bumpgrade.commerce.domain.commission.ReleaseCommissionHold;
import com.bumpgrade.commerce.domain.commission.ReverseCommission;
import com.bumpgrade.commerce.domain.commission.WhatIsCommissionEntry;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.projections.commission.CommissionEntryView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The owner's confirmed, idempotent, stale-state checked actions on a commission entry (review, hold, release,
 * reverse), and the entry lookup they share with the query route. Blocking: callers run it off the event loop.
 */
@Service
public class CommissionActions {
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final BillingWriteEnvelope envelope;
    private final Clock clock;

    public CommissionActions(QueryGateway queries, CommandGateway commands, BillingWriteEnvelope envelope,
                             Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.envelope = envelope;
        this.clock = clock;
    }

    /** A malformed id, a missing reason and an unknown action are refused before the envelope headers are read. */
    public WriteOutcome act(ApiCaller caller, HttpHeaders headers, String entryId, String action,
                            CommissionActionRequest request) {
        if (!CommissionEntryId.isWellFormed(entryId)) {
            throw ApiException.notFound();
        }
        CommissionEntryId id = CommissionEntryId.of(entryId);
        String reason = needsReason(action) ? reason(request.reason(), action) : null;
        String phrase = switch (action) {
            case "review" -> CommissionConfirmationPolicy.markReviewed(id);
            case "hold" -> CommissionConfirmationPolicy.hold(id, reason);
            case "release" -> CommissionConfirmationPolicy.release(id);
            case "reverse" -> CommissionConfirmationPolicy.reverse(id, reason);
            default -> throw ApiException.notFound();
        };
        return envelope.submit(caller, headers, WriteRequest.onRecord("commission." + action + ":" + entryId, request),
                write -> {
                    entry(caller, entryId); // answers 404 for a missing or foreign entry, before its preview
                    return ConfirmedAction.of(phrase, request.confirmation(), Map.of("entryId", entryId),
                            () -> execute(write, id, action, reason, request.confirmation()));
                });
    }

    private WriteResult execute(BillingWrite write, CommissionEntryId id, String action, String reason,
                                String confirmation) {
        ApiCaller caller = write.caller();
        Object command = switch (action) {
            case "review" -> new MarkCommissionReviewed(id, caller.publisher(), write.expectedVersion(),
                    confirmation, write.context(), clock.instant());
            case "hold" -> new HoldCommission(id, caller.publisher(), write.expectedVersion(), reason,
                    confirmation, write.context(), clock.instant());
            case "release" -> new ReleaseCommissionHold(id, caller.publisher(), write.expectedVersion(),
                    confirmation, write.context(), clock.instant());
            default -> new ReverseCommission(id, caller.publisher(), write.expectedVersion(), reason,
                    confirmation, write.context(), clock.instant());
        };
        commands.sendAndWait(command);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "accepted");
        body.put("action", action);
        body.put("entryId", id.value());
        return WriteResult.done(HttpStatus.OK, body);
    }

    /** The caller's own entry; a missing or another publisher's entry is the same 404. */
    public CommissionEntryView entry(ApiCaller caller, String entryId) {
        if (!CommissionEntryId.isWellFormed(entryId)) {
            throw ApiException.notFound();
        }
        return queries.query(new WhatIsCommissionEntry(CommissionEntryId.of(entryId), caller.publisher()),
                        ResponseTypes.optionalInstanceOf(CommissionEntryView.class)).join()
                .orElseThrow(ApiException::notFound);
    }

    private static boolean needsReason(String action) {
        return action.equals("hold") || action.equals("reverse");
    }

    /** The ledger's own rule, answered as bad input (400) since the request itself is incomplete. */
    private static String reason(String given, String action) {
        try {
            return CommissionReason.require(given, action);
        } catch (BillingRuleViolation e) {
            throw ApiException.badRequest(e.code(), e.getMessage());
        }
    }
}
