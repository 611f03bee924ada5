package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.envelope.BillingWriteRoute;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteResponses;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ErrorCodes;
import com.bumpgrade.commerce.projections.asset.ProductAssetView;
import com.bumpgrade.commerce.projections.asset.ProductAssets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/**
 * Private product assets (D82-D84): the owner's streamed upload and confirmed archive, and the owner's and
 * auditor's reads. Nothing here serves an asset's bytes: there is no download or delivery route.
 */
@Tag(name = "assets", description = "Private product assets: streamed upload, records, archive (no delivery)")
@RestController
@RequestMapping(path = "/api/commerce/products/{productId}/assets", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProductAssetController {
    static final String PRODUCT = "launch-course";
    static final String ASSET = "ast_0123456789abcdef0123456789abcdef";

    private final ProductAssetService assets;

    public ProductAssetController(ProductAssetService assets) {
        this.assets = assets;
    }

    @Operation(operationId = "uploadProductAsset", summary = "Upload a private asset of a product as the raw body, "
            + "streamed to storage: a preview (nothing read), then, with the exact phrase in "
            + "X-Bumpgrade-Confirmation, the file is stored and recorded with its size and SHA-256",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The file's bytes, exactly Content-Length of them",
                    content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @Schema(type = "string", format = "binary"))),
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "Content-Disposition", required = true,
                            description = "attachment; filename=\"lesson-1.mp4\" (or filename*=UTF-8''...): the "
                                    + "name shown, sanitized; it never names a storage object",
                            schema = @Schema(type = "string", example = "attachment; filename=\"lesson-1.mp4\"")),
                    @Parameter(in = ParameterIn.HEADER, name = "Content-Length", required = true,
                            description = "The file's size in bytes: at most the configured limit (2 GiB by "
                                    + "default)", schema = @Schema(type = "integer", format = "int64")),
                    @Parameter(in = ParameterIn.HEADER, name = ProductAssetService.CONFIRMATION_HEADER,
                            description = "The exact phrase of the preview (Upload <name> (<size> bytes) to product "
                                    + "<productId>); leave it out to get the preview",
                            schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "201", description = "Stored and recorded",
            content = @Content(schema = @Schema(implementation = ProductAssetView.class)))
    @BillingWriteRoute(targetsExistingRecord = false, previewFields = AssetSchemas.PreviewFields.class)
    @ErrorCodes(status = 400, value = {"missing_file_name", "invalid_content_disposition", "invalid_content_length",
            "empty_file", "upload_incomplete"})
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 411, value = "length_required")
    @ErrorCodes(status = 413, value = "asset_too_large")
    @ErrorCodes(status = 422, value = "confirmation_required")
    @ErrorCodes(status = 503, value = "storage_unavailable")
    @PostMapping
    public Mono<ResponseEntity<?>> upload(@Parameter(example = PRODUCT) @PathVariable String productId,
                                          ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        // the body is handed over unread: the preview and every refusal come before a byte of it is taken
        return write(() -> assets.upload(caller, exchange.getRequest().getHeaders(), productId,
                exchange.getRequest().getBody()));
    }

    @Operation(operationId = "listProductAssets", summary = "The assets of a product of the publisher, archived "
            + "ones too, oldest first")
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping
    public Mono<ProductAssets> list(@Parameter(example = PRODUCT) @PathVariable String productId,
                                    ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return blocking(() -> assets.list(caller, productId));
    }

    @Operation(operationId = "getProductAsset", summary = "One asset's record: what was stored, never where")
    @ApiResponse(responseCode = "200", description = "The asset",
            headers = @Header(name = "ETag", description = "\"<version>\": the If-Match of its archive",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ProductAssetView.class)))
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @GetMapping("/{assetId}")
    public Mono<ResponseEntity<ProductAssetView>> find(@Parameter(example = PRODUCT) @PathVariable String productId,
                                                       @Parameter(example = ASSET) @PathVariable String assetId,
                                                       ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return blocking(() -> {
            ProductAssetView asset = assets.find(caller, productId, assetId);
            return ResponseEntity.ok().eTag("\"" + asset.version() + "\"").body(asset);
        });
    }

    @Operation(operationId = "archiveProductAsset", summary = "Stop using an asset for good: a preview, then (with "
            + "the exact phrase, at the current version) it is archived; its bytes stay stored")
    @ApiResponse(responseCode = "200", description = "Archived",
            content = @Content(schema = @Schema(implementation = ProductAssetView.class)))
    @BillingWriteRoute(targetsExistingRecord = true, previewFields = AssetSchemas.PreviewFields.class)
    @ErrorCodes(status = 404, value = ApiErrors.NOT_FOUND)
    @ErrorCodes(status = 409, value = "asset_archived")
    @ErrorCodes(status = 422, value = "confirmation_required")
    @PostMapping(path = "/{assetId}/archive", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<?>> archive(@Parameter(example = PRODUCT) @PathVariable String productId,
                                           @Parameter(example = ASSET) @PathVariable String assetId,
                                           @RequestBody AssetRequests.Action request, ServerWebExchange exchange) {
        ApiCaller caller = ApiCaller.of(exchange);
        return write(() -> assets.archive(caller, exchange.getRequest().getHeaders(), productId, assetId, request));
    }

    private static Mono<ResponseEntity<?>> write(Callable<WriteOutcome> work) {
        return Mono.<ResponseEntity<?>>fromCallable(() -> WriteResponses.render(work.call()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
