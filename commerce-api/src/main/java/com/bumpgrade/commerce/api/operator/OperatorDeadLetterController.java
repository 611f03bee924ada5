package com.bumpgrade.commerce.api.operator;

import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/**
 * The platform operator's view of every processing group's dead letters (role {@code operator}, by
 * {@code RouteAccess}). Dead letters belong to no publisher
 * (a projection's letter may hold any publisher's event), so only the operator sees them, and only as reason
 * codes, never as failure messages or payloads.
 */
@Tag(name = "operator", description = "The platform operator's views")
@RestController
@RequestMapping(path = "/api/commerce/operator", produces = MediaType.APPLICATION_JSON_VALUE)
public class OperatorDeadLetterController {
    private final DeadLetterListing listing;

    public OperatorDeadLetterController(DeadLetterListing listing) {
        this.listing = listing;
    }

    @Operation(operationId = "listDeadLetters", summary = "The dead letters of every processing group, as reason "
            + "codes")
    @ApiResponse(responseCode = "200", description = "The letters",
            content = @Content(schema = @Schema(implementation = OperatorSchemas.DeadLetters.class)))
    @ErrorCodes(status = 400, value = "invalid_processing_group")
    @GetMapping("/dead-letters")
    public Mono<Map<String, List<DeadLetterListing.DeadLetterSummary>>> deadLetters(
            @Parameter(description = "One group: reactions, read-models or audit-trail")
            @RequestParam(required = false) String processingGroup,
            @Parameter(description = "Clamped to 1-500") @RequestParam(defaultValue = "100") int limit) {
        if (processingGroup != null && !processingGroup.matches("[a-z0-9-]{1,64}")) {
            throw ApiException.badRequest("invalid_processing_group", "processingGroup must name a processing group.");
        }
        return Mono.fromCallable(() -> Map.of("deadLetters", listing.list(processingGroup, limit)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
