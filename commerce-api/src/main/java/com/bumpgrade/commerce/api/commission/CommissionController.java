package com.bumpgrade.commerce.api.commission;

import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.commission.CommissionStatus;
import com.bumpgrade.commerce.domain.commission.WhichCommissionEntries;
import com.bumpgrade.commerce.projections.commission.CommissionEntries;
import com.bumpgrade.commerce.projections.commission.CommissionEntryView;
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

import java.util.Arrays;

/**
 * The review-only commission ledger: queries for owners and auditors, and the owner's actions
 * ({@link CommissionActions}). Agents cannot act here.
 */
@RestController
@RequestMapping(path = "/api/commerce/commission-entries", produces = MediaType.APPLICATION_JSON_VALUE)
public class CommissionController {
    private final QueryGateway queries;
    private final CommissionActions actions;

    public CommissionController(QueryGateway queries, CommissionActions actions) {
        this.queries = queries;
        this.actions = actions;
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
            CommissionEntryView entry = actions.entry(caller, entryId);
            return ResponseEntity.ok().eTag("\"" + entry.version() + "\"").body(entry);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping(path = "/{entryId}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> act(@PathVariable String entryId, @PathVariable String action,
                                       @RequestBody CommissionActionRequest request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(
                        actions.act(caller, exchange.getRequest().getHeaders(), entryId, action, request)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
