package com.bumpgrade.commerce.api.commission;

import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.commission.CommissionConfirmationPolicy;
import com.bumpgrade.commerce.domain.commission.CommissionEntryId;
import com.bumpgrade.commerce.domain.commission.CommissionReason;
import com.bumpgrade.commerce.domain.commission.CommissionStatus;
import com.bumpgrade.commerce.domain.commission.HoldCommission;
import com.bumpgrade.commerce.domain.commission.MarkCommissionReviewed;
import com.bumpgrade.commerce.domain.commission.ReleaseCommissionHold;
import com.bumpgrade.commerce.domain.commission.ReverseCommission;
import com.bumpgrade.commerce.domain.commission.WhatIsCommissionEntry;
import com.bumpgrade.commerce.domain.commission.WhichCommissionEntries;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.projections.commission.CommissionEntries;
import com.bumpgrade.commerce.projections.commission.CommissionEntryView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
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

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The review-only commission ledger: queries for owners and auditors, and the owner's confirmed, idempotent,
 * stale-state checked actions (review, hold, release, reverse). Agents cannot act here.
 */
@RestController
@RequestMapping(path = "/api/commerce/commission-entries", produces = MediaType.APPLICATION_JSON_VALUE)
public class CommissionController {
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final BillingWriteEnvelope envelope;
    private final Clock clock;

    public CommissionController(QueryGateway queries, CommandGateway commands, BillingWriteEnvelope envelope,
                                Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.envelope = envelope;
        this.clock = clock;
    }

    @GetMapping
    public Mono<CommissionEntries> list(@RequestParam(required = false) String partnerId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "100") int limit, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        if (status != null && Arrays.stream(CommissionStatus.values()).noneMatch(s -> s.publicName().equals(status))) {
            return Mono.error(ApiException.badRequest("invalid_status",
                    "status must be pending_review, reviewed, on_hold or reversed."));
        }
        return Mono.fromCallable(() -> queries.query(new WhichCommissionEntries(caller.publisher(), partnerId, status,
                        limit), ResponseTypes.instanceOf(CommissionEntries.class)).join())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{entryId}")
    public Mono<ResponseEntity<CommissionEntryView>> find(@PathVariable String entryId, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> {
            CommissionEntryView entry = view(caller, entryId);
            return ResponseEntity.ok().eTag("\"" + entry.version() + "\"").body(entry);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping(path = "/{entryId}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> act(@PathVariable String entryId, @PathVariable String action,
                                       @RequestBody CommissionActionRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> act(caller, exchange, entryId, action, request))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<?> act(ApiCaller caller, ServerWebExchange exchange, String entryId, String action,
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
        BillingWrite write = envelope.open(caller, exchange.getRequest().getHeaders(),
                "commission." + action + ":" + entryId, request, true);
        Optional<ResponseEntity<String>> replay = envelope.replay(write);
        if (replay.isPresent()) {
            return replay.get();
        }
        view(caller, entryId); // answers 404 for a missing or foreign entry
        Optional<ResponseEntity<String>> preview = envelope.previewUnlessConfirmed(phrase, request.confirmation(),
                Map.of("entryId", entryId));
        if (preview.isPresent()) {
            return preview.get();
        }
        return envelope.execute(write, () -> {
            Object command = switch (action) {
                case "review" -> new MarkCommissionReviewed(id, caller.publisher(), write.expectedVersion(),
                        request.confirmation(), write.context(), clock.instant());
                case "hold" -> new HoldCommission(id, caller.publisher(), write.expectedVersion(), reason,
                        request.confirmation(), write.context(), clock.instant());
                case "release" -> new ReleaseCommissionHold(id, caller.publisher(), write.expectedVersion(),
                        request.confirmation(), write.context(), clock.instant());
                default -> new ReverseCommission(id, caller.publisher(), write.expectedVersion(), reason,
                        request.confirmation(), write.context(), clock.instant());
            };
            commands.sendAndWait(command);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "accepted");
            body.put("action", action);
            body.put("entryId", entryId);
            return WriteOutcome.done(HttpStatus.OK, body);
        });
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

    private CommissionEntryView view(ApiCaller caller, String entryId) {
        if (!CommissionEntryId.isWellFormed(entryId)) {
            throw ApiException.notFound();
        }
        return queries.query(new WhatIsCommissionEntry(CommissionEntryId.of(entryId), caller.publisher()),
                        ResponseTypes.optionalInstanceOf(CommissionEntryView.class)).join()
                .orElseThrow(ApiException::notFound);
    }
}
