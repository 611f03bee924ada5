package com.bumpgrade.commerce.api.audit;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The redacted audit trail, for owners and auditors of the caller's publisher. */
@Tag(name = "audit", description = "The redacted, hash-chained audit trail")
@RestController
@RequestMapping(path = "/api/commerce/audit-entries", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {
    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listAuditEntries", summary = "The publisher's audit entries, in chain order",
            description = "Pages with an opaque cursor: pass a page's nextCursor to get the entries after it; "
                    + "the last page has no nextCursor. Filters combine; from is inclusive, to exclusive.")
    @ApiResponse(responseCode = "200", description = "The entries",
            content = @Content(schema = @Schema(implementation = AuditSchemas.Entries.class)))
    @ErrorCodes(status = 400, value = {"invalid_cursor", "invalid_time"})
    @GetMapping
    public Mono<AuditSchemas.Entries> entries(@RequestParam(required = false) String correlationId,
                                              @RequestParam(required = false) String subjectId,
                                              @Parameter(description = "An action, such as checkout.start")
                                              @RequestParam(required = false) String action,
                                              @Parameter(description = "ISO-8601 instant, inclusive")
                                              @RequestParam(required = false) String from,
                                              @Parameter(description = "ISO-8601 instant, exclusive")
                                              @RequestParam(required = false) String to,
                                              @Parameter(description = "The nextCursor of the previous page")
                                              @RequestParam(required = false) String cursor,
                                              @Parameter(description = "Clamped to 1-500")
                                              @RequestParam(defaultValue = "100") int limit,
                                              ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        WhichAuditEntries query = new WhichAuditEntries(caller.publisher(), AuditCursor.position(cursor),
                correlationId, subjectId, action, instant(from), instant(to), limit);
        return Mono.fromCallable(() -> {
            List<AuditEntryView> entries = queries.query(query,
                    ResponseTypes.multipleInstancesOf(AuditEntryView.class)).join();
            boolean full = entries.size() == Math.max(1, Math.min(limit, 500));
            String next = full ? AuditCursor.after(entries.get(entries.size() - 1).chainPosition()) : null;
            return new AuditSchemas.Entries(entries, next);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_time", "from and to must be ISO-8601 instants, such as "
                    + "2026-01-31T12:00:00Z");
        }
    }

    @Operation(operationId = "verifyAuditTrail", summary = "Verify the publisher's audit chain",
            description = "Re-hashes the chain in position order, compares its end with the chain head kept apart "
                    + "from the entries, and checks that every audited event the trail has reached has its entry.")
    @GetMapping("/verification")
    public Mono<AuditTrailVerdict> verify(ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> queries.query(new IsAuditTrailIntact(caller.publisher()),
                ResponseTypes.instanceOf(AuditTrailVerdict.class)).join()).subscribeOn(Schedulers.boundedElastic());
    }
}
