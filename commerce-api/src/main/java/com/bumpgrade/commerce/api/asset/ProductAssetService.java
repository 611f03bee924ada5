package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.catalog.Catalog;
import com.bumpgrade.commerce.api.envelope.BillingWrite;
import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.asset.ArchiveProductAsset;
import com.bumpgrade.commerce.domain.asset.AssetConfirmationPolicy;
import com.bumpgrade.commerce.domain.asset.AssetDisplayName;
import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.asset.RecordProductAsset;
import com.bumpgrade.commerce.domain.asset.WhatIsProductAsset;
import com.bumpgrade.commerce.domain.asset.WhichProductAssets;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.BillingRuleViolation;
import com.bumpgrade.commerce.projections.asset.ProductAssetView;
import com.bumpgrade.commerce.projections.asset.ProductAssets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Private product assets: the streamed upload, the confirmed archive and the owner's and auditor's reads. An upload
 * is a billing write like any other (envelope, Idempotency-Key, phrase), with its phrase in
 * {@value #CONFIRMATION_HEADER} since the body is the file; its preview and every refusal are answered before a
 * byte of the body is read. Blocking: callers run it off the event loop.
 */
@Service
public class ProductAssetService {
    public static final String CONFIRMATION_HEADER = "X-Bumpgrade-Confirmation";
    private static final Logger log = LoggerFactory.getLogger(ProductAssetService.class);

    private final BillingWriteEnvelope envelope;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Catalog catalog;
    private final AssetStorage storage;
    private final AssetProperties properties;
    private final Clock clock;

    public ProductAssetService(BillingWriteEnvelope envelope, CommandGateway commands, QueryGateway queries,
                               Catalog catalog, AssetStorage storage, AssetProperties properties, Clock clock) {
        this.envelope = envelope;
        this.commands = commands;
        this.queries = queries;
        this.catalog = catalog;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
    }

    /** The upload: {@code headers} carry the envelope, Content-Disposition, Content-Length and the phrase. */
    public WriteOutcome upload(ApiCaller caller, HttpHeaders headers, String productId, Flux<DataBuffer> body) {
        ProductId product = pathProduct(productId);
        AssetRequests.UploadFingerprint fingerprint = new AssetRequests.UploadFingerprint(product.value(),
                headers.getFirst(HttpHeaders.CONTENT_DISPOSITION), headers.getFirst(HttpHeaders.CONTENT_LENGTH));
        return envelope.submit(caller, headers, WriteRequest.create("asset.upload", fingerprint), write -> {
            requireProduct(caller, product);
            long length = contentLength(headers);
            String name = AssetDisplayName.sanitize(fileName(headers));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("productId", product.value());
            fields.put("displayName", name);
            fields.put("sizeBytes", length);
            String phrase = AssetConfirmationPolicy.upload(name, length, product);
            String confirmation = headers.getFirst(CONFIRMATION_HEADER);
            return ConfirmedAction.of(phrase, confirmation, fields,
                    () -> store(write, product, name, length, confirmation, body));
        });
    }

    private WriteResult store(BillingWrite write, ProductId product, String name, long length, String confirmation,
                              Flux<DataBuffer> body) {
        ApiCaller caller = write.caller();
        AssetId id = AssetId.forUpload(caller.publisher(), product,
                caller.publisher().value() + "/" + caller.actor().value(), write.context().idempotencyKey().value());
        StreamedUpload.Stored stored;
        // subscribed first, so a connection dropped while the storage is reached is seen, not lost
        try (Stream<DataBuffer> buffers = StreamedUpload.open(body, properties.idleTimeout())) {
            // a retry whose first answer was lost: its record stands, so the bytes are only compared with it
            Optional<ProductAssetView> earlier = view(caller, product, id);
            if (earlier.isPresent()) {
                stored = StreamedUpload.write(buffers, length, StreamedUpload.DISCARD);
                if (!earlier.get().sha256().equals(stored.sha256())) {
                    throw new BillingRuleViolation("idempotency_key_reused",
                            "This Idempotency-Key already recorded an upload of other bytes.");
                }
                return WriteResult.done(HttpStatus.CREATED, earlier.get());
            }
            try (AssetStorage.Upload upload = storage.begin(id)) {
                stored = StreamedUpload.write(buffers, length, upload);
                upload.commit();
            }
        } catch (AssetStorage.StorageFailure e) {
            throw unavailable(e);
        } catch (ApiException e) {
            // a discard that failed too is named by its type only (its message may name the storage)
            log.info("Discarded the upload of asset {} of product {}: {}{}", id, product, e.code(),
                    Arrays.stream(e.getSuppressed()).map(ProductAssetService::typeOnly)
                            .collect(Collectors.joining()));
            throw e;
        }
        try {
            commands.sendAndWait(new RecordProductAsset(id, caller.publisher(), product, name, stored.sizeBytes(),
                    stored.sha256(), stored.contentType(), confirmation, write.context(), clock.instant()));
        } catch (RuntimeException e) {
            // no object without its record
            storage.delete(id);
            throw e;
        }
        log.info("Recorded asset {} of product {}: {} bytes, {}", id, product, stored.sizeBytes(),
                stored.contentType());
        return WriteResult.done(HttpStatus.CREATED, view(caller, product, id).orElseThrow());
    }

    public WriteOutcome archive(ApiCaller caller, HttpHeaders headers, String productId, String assetId,
                                AssetRequests.Action request) {
        ProductId product = pathProduct(productId);
        AssetId id = pathAsset(assetId);
        return envelope.submit(caller, headers, WriteRequest.onRecord("asset.archive:" + product.value() + ":"
                + id.value(), request), write -> {
            ProductAssetView asset = find(caller, product.value(), id.value());
            return ConfirmedAction.of(AssetConfirmationPolicy.archive(asset.displayName(), product),
                    request.confirmation(), previewFields(asset), () -> {
                        commands.sendAndWait(new ArchiveProductAsset(id, caller.publisher(), write.expectedVersion(),
                                request.confirmation(), write.context(), clock.instant()));
                        return WriteResult.done(HttpStatus.OK, view(caller, product, id).orElseThrow());
                    });
        });
    }

    public ProductAssets list(ApiCaller caller, String productId) {
        ProductId product = pathProduct(productId);
        requireProduct(caller, product);
        return queries.query(new WhichProductAssets(caller.publisher(), product),
                ResponseTypes.instanceOf(ProductAssets.class)).join();
    }

    /** One asset of the caller's product; a missing one, another product's or another publisher's is one 404. */
    public ProductAssetView find(ApiCaller caller, String productId, String assetId) {
        ProductId product = pathProduct(productId);
        AssetId id = pathAsset(assetId);
        requireProduct(caller, product);
        return view(caller, product, id).orElseThrow(ApiException::notFound);
    }

    /** Whether the asset's bytes are stored (content readiness). */
    public boolean stored(AssetId id) {
        try {
            return storage.exists(id);
        } catch (AssetStorage.StorageFailure e) {
            throw unavailable(e);
        }
    }

    private Optional<ProductAssetView> view(ApiCaller caller, ProductId product, AssetId id) {
        return queries.query(new WhatIsProductAsset(caller.publisher(), product, id),
                ResponseTypes.optionalInstanceOf(ProductAssetView.class)).join();
    }

    /** Another publisher's product answers as a missing one. */
    public void requireProduct(ApiCaller caller, ProductId product) {
        if (catalog.product(caller.publisher(), product).isEmpty()) {
            throw ApiException.notFound();
        }
    }

    private static String typeOnly(Throwable failure) {
        return ", " + failure.getClass().getSimpleName()
                + (failure.getCause() == null ? "" : " (" + failure.getCause().getClass().getSimpleName() + ")");
    }

    private long contentLength(HttpHeaders headers) {
        String raw = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (raw == null) {
            throw new ApiException(HttpStatus.LENGTH_REQUIRED, "length_required",
                    "Send the file with its Content-Length.");
        }
        long length;
        try {
            length = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_content_length", "Content-Length must be a number of bytes.");
        }
        if (length <= 0) {
            throw ApiException.badRequest("empty_file", "An asset has at least one byte.");
        }
        if (length > properties.maxSize().toBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "asset_too_large",
                    "An asset is at most " + properties.maxSize().toBytes() + " bytes.");
        }
        return length;
    }

    private static String fileName(HttpHeaders headers) {
        String raw = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("missing_file_name",
                    "Send Content-Disposition: attachment; filename=\"...\" with the file.");
        }
        ContentDisposition disposition;
        try {
            disposition = ContentDisposition.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_content_disposition",
                    "Content-Disposition must be attachment; filename=\"...\".");
        }
        if (disposition.getFilename() == null || disposition.getFilename().isBlank()) {
            throw ApiException.badRequest("missing_file_name",
                    "Send Content-Disposition: attachment; filename=\"...\" with the file.");
        }
        return disposition.getFilename();
    }

    private static Map<String, Object> previewFields(ProductAssetView asset) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("productId", asset.productId());
        fields.put("displayName", asset.displayName());
        fields.put("sizeBytes", asset.sizeBytes());
        return fields;
    }

    private static ApiException unavailable(AssetStorage.StorageFailure e) {
        // the cause may name a path or a key: only its type is logged
        log.warn("Asset storage failed: {}", e.getCause() == null ? "-" : e.getCause().getClass().getName());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
                "The asset storage is unavailable; nothing was stored. Retry with the same Idempotency-Key.");
    }

    /** A malformed id in the path names nothing: 404, like a missing one. */
    static ProductId pathProduct(String productId) {
        try {
            return ProductId.of(productId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }

    static AssetId pathAsset(String assetId) {
        try {
            return AssetId.of(assetId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }
}
