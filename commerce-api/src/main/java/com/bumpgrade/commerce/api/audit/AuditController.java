package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.domain.audit.IsAuditTrailIntact;
import com.bumpgrade.commerce.domain.audit.WhichAuditEntries;
import com.bumpgrade.commerce.projections.audit.AuditEntryView;
import com.bumpgrade.commerce.projections.audit.AuditTrailVerdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/** The redacted audit trail, for owners and auditors of the caller's publisher. */
@Tag(name = "audit", description = "The redacted, hash-chained audit trail")
@RestController
@RequestMapping(path = "/api/commerce/audit-entries", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {
    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listAuditEntries", summary = "The publisher's audit entries, in chain order")
    @ApiResponse(responseCode = "200", description = "The entries",
            content = @Content(schema = @Schema(implementation = AuditSchemas.Entries.class)))
    @GetMapping
    public Mono<Map<String, Object>> entries(@RequestParam(required = false) String correlationId,
                                             @RequestParam(required = false) String subjectId,
                                             @Parameter(description = "Clamped to 1-500")
                                             @RequestParam(defaultValue = "100") int limit,
                                             ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> {
            List<AuditEntryView> entries = queries.query(
                    new WhichAuditEntries(caller.publisher(), correlationId, subjectId, limit),
                    ResponseTypes.multipleInstancesOf(AuditEntryView.class)).join();
            return Map.<String, Object>of("entries", entries);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "verifyAuditTrail", summary = "Re-hash the publisher's audit chain")
    @GetMapping("/verification")
    public Mono<AuditTrailVerdict> verify(ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> queries.query(new IsAuditTrailIntact(caller.publisher()),
                ResponseTypes.instanceOf(AuditTrailVerdict.class)).join()).subscribeOn(Schedulers.boundedElastic());
    }
}
