package com.bumpgrade.commerce.api.content;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * Protected content readiness (D85): structure metadata and a computed readiness, for a delivery that does not
 * exist yet. No route here, or anywhere, serves a protected body to a buyer.
 */
@Tag(name = "content", description = "Protected content readiness: modules, lessons, readiness (no delivery)")
@RestController
@RequestMapping(path = "/api/commerce/products/{productId}/content-readiness",
        produces = MediaType.APPLICATION_JSON_VALUE)
public class ContentReadinessController {
    private static final String PRODUCT = "launch-course";

    private final ContentReadinessService content;

    public ContentReadinessController(ContentReadinessService content) {
        this.content = content;
    }

    @Operation(operationId = "getContentReadiness", summary = "A product's modules and lessons, its readiness "
            + "computed from its assets now (ready, or not_ready with every reason) and the owner's ready mark")
    @ApiResponse(responseCode = "200", description = "The structure and its readiness",
            headers = @Header(name = "ETag", description = "\"<version>\": the If-Match of the ready mark (absent "
                    + "until a structure is saved)", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ContentReadinessView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping
    public Mono<ResponseEntity<ContentReadinessView>> read(@Parameter(example = PRODUCT) @PathVariable String productId,
                                                           ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return Mono.fromCallable(() -> {
            ContentReadinessView view = content.read(caller, productId);
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
            if (view.version() != null) {
                ok.eTag("\"" + view.version() + "\"");
            }
            return ok.body(view);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Operation(operationId = "saveContentStructure", summary = "Replace a product's modules and lessons (title, "
            + "order, the asset each uses, drip offset): a preview, then (with the exact phrase) the structure is "
            + "saved; a change clears the ready mark")
    @ApiResponse(responseCode = "200", description = "Saved, with the readiness computed now",
            content = @Content(schema = @Schema(implementation = ContentReadinessView.class)))
    @BillingWriteRoute(targetsExistingRecord = false, previewFields = ContentSchemas.StructurePreviewFields.class)
    @ErrorCodes(status = 400, value = {"invalid_field", "invalid_structure"})
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> save(@Parameter(example = PRODUCT) @PathVariable String productId,
                                        @RequestBody ContentRequests.Structure request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> content.save(caller, exchange.getRequest().getHeaders(), productId, request));
    }

    @Operation(operationId = "markContentReady", summary = "Mark a product's content ready for delivery: only "
            + "when its readiness is computed ready; a preview, then (with the exact phrase, at the current "
            + "version) the mark is recorded. Nothing is delivered")
    @ApiResponse(responseCode = "200", description = "Marked",
            content = @Content(schema = @Schema(implementation = ContentReadinessView.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = ContentSchemas.MarkPreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "content_not_ready")
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/mark-ready", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> markReady(@Parameter(example = PRODUCT) @PathVariable String productId,
                                             @RequestBody ContentRequests.Mark request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> content.markReady(caller, exchange.getRequest().getHeaders(), productId, request));
    }

    private static Mono<ResponseEntity<?>> write(Callable<WriteOutcome> work) {
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(work.call()))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
