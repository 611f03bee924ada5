package com.bumpgrade.commerce.api.mcp;

import com.bumpgrade.commerce.api.asset.AssetRequests;
import com.bumpgrade.commerce.api.asset.ProductAssetController;
import com.bumpgrade.commerce.api.asset.ProductAssetService;
import com.bumpgrade.commerce.api.web.ApiException;
import io.modelcontextprotocol.server.McpServerFeatures;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billing;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.billingRequired;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.object;
import static com.bumpgrade.commerce.api.mcp.ToolSchemas.string;

/**
 * The private asset tools. A tool call is one JSON message, so the upload tool takes the file as base64 and only
 * up to {@link #MAX_CONTENT_BYTES}; larger files go through the streamed REST upload. It runs the route's very
 * use case (envelope, phrase, storage, record), with the bytes as its one body buffer.
 */
@Component
class AssetTools implements McpTools {
    /** 32 KiB of file: its base64 text (about 44 KB) stays inside one MCP message (64 KB at most). */
    static final int MAX_CONTENT_BYTES = 32 * 1024;
    private static final String ASSETS = "/api/commerce/products/{productId}/assets";

    private final ToolAnswers answers;
    private final ProductAssetService assets;
    private final ProductAssetController routes;

    AssetTools(ToolAnswers answers, ProductAssetService assets, ProductAssetController routes) {
        this.answers = answers;
        this.assets = assets;
        this.routes = routes;
    }

    @Override
    public List<McpServerFeatures.AsyncToolSpecification> tools() {
        return List.of(upload(), list(), get(), archive());
    }

    private McpServerFeatures.AsyncToolSpecification upload() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("productId", string("The product the asset belongs to"));
        own.put("fileName", string("The file's name, shown (sanitized) in the record"));
        own.put("content", string("The file's bytes, base64; at most " + MAX_CONTENT_BYTES + " bytes of file "
                + "(use the REST upload for larger files)"));
        return answers.tool("upload_product_asset", "Store a small private asset of a product (owner). Previews "
                        + "without 'confirmation' (nothing stored); with the exact phrase it is stored with its size "
                        + "and SHA-256 and audited. Nothing is ever delivered to buyers. Free.",
                object(billing(own, false), billingRequired(false, "productId", "fileName", "content")),
                HttpMethod.POST, ASSETS, call -> {
                    byte[] content = decode(call.required("content"));
                    HttpHeaders headers = call.envelope();
                    headers.setContentDisposition(ContentDisposition.attachment()
                            .filename(call.required("fileName"), StandardCharsets.UTF_8).build());
                    headers.setContentLength(content.length);
                    String confirmation = call.text("confirmation");
                    if (confirmation != null) {
                        headers.set(ProductAssetService.CONFIRMATION_HEADER, confirmation);
                    }
                    return ToolAnswers.written(assets.upload(call.caller(), headers, call.required("productId"),
                            Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content))));
                });
    }

    private static byte[] decode(String base64) {
        if (base64.length() > (MAX_CONTENT_BYTES / 3 + 1) * 4 + 8) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "asset_too_large",
                    "The upload tool takes at most " + MAX_CONTENT_BYTES + " bytes; use the REST upload.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_argument", "The argument 'content' must be base64.");
        }
        if (bytes.length > MAX_CONTENT_BYTES) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "asset_too_large",
                    "The upload tool takes at most " + MAX_CONTENT_BYTES + " bytes; use the REST upload.");
        }
        return bytes;
    }

    private McpServerFeatures.AsyncToolSpecification list() {
        return answers.tool("list_product_assets", "List the private assets of a product (owner, auditor): name, "
                        + "size, SHA-256, type, status. Read-only, free.",
                object(Map.of("productId", string("The product's id")), "productId"), HttpMethod.GET, ASSETS,
                call -> ResponseEntity.ok(routes.list(call.required("productId"), call.exchange()).block()));
    }

    private McpServerFeatures.AsyncToolSpecification get() {
        return answers.tool("get_product_asset", "Read one private asset's record with its version (owner, "
                        + "auditor). Read-only, free.",
                object(Map.of("productId", string("The product's id"), "assetId", string("The asset's id (ast_...)")),
                        "productId", "assetId"), HttpMethod.GET, ASSETS + "/{assetId}",
                call -> routes.find(call.required("productId"), call.required("assetId"), call.exchange()).block());
    }

    private McpServerFeatures.AsyncToolSpecification archive() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("productId", string("The product's id"));
        own.put("assetId", string("The asset's id (ast_...)"));
        return answers.tool("archive_product_asset", "Archive a private asset for good (owner): nothing uses it any "
                        + "more. Previews without 'confirmation'; with the exact phrase, at the asset's version, it "
                        + "runs once and is audited. Free.",
                object(billing(own, true), billingRequired(true, "productId", "assetId")),
                HttpMethod.POST, ASSETS + "/{assetId}/archive",
                call -> ToolAnswers.written(assets.archive(call.caller(), call.envelope(), call.required("productId"),
                        call.required("assetId"), new AssetRequests.Action(call.text("confirmation")))));
    }
}
