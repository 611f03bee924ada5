package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.support.S3MockServer;
import com.bumpgrade.commerce.domain.asset.AssetId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The asset suite against an S3-compatible store: Adobe's S3Mock, a real server in its own JVM (D84), reached by
 * the service's AWS SDK client over HTTP; this test inspects the bucket with a client of its own.
 */
class S3ProductAssetApiTest extends ProductAssetContract {
    private static final String PREFIX = "tenant-" + UUID.randomUUID().toString().substring(0, 8) + "/";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        storageProperties(S3MockServer.shared()).forEach((name, value) -> registry.add(name, () -> value));
        limits(registry);
    }

    private static Map<String, String> storageProperties(S3MockServer server) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bumpgrade.assets.location", "s3://" + S3MockServer.BUCKET + "/" + PREFIX);
        properties.put("bumpgrade.assets.s3.endpoint", server.endpoint());
        properties.put("bumpgrade.assets.s3.access-key-id", S3MockServer.ACCESS_KEY);
        properties.put("bumpgrade.assets.s3.secret-access-key", S3MockServer.SECRET_KEY);
        return properties;
    }

    /** Objects, and unfinished multipart uploads (the temporary objects), under this test's prefix. */
    /** Past one part an upload is a multipart upload: closed uncommitted, it is aborted and leaves nothing. */
    @Test
    void anUploadLargerThanOnePartIsAbortedWhenNotCommitted() {
        List<String> before = storedNames();
        try (S3Client s3 = S3MockServer.shared().client()) {
            S3AssetStorage storage = new S3AssetStorage(s3, S3MockServer.BUCKET, PREFIX);
            AssetId asset = AssetId.forUpload(com.bumpgrade.commerce.domain.shared.PublisherId.of("demo"),
                    com.bumpgrade.commerce.domain.catalog.ProductId.of("abort"), "demo/owner", UUID.randomUUID()
                            .toString());
            try (AssetStorage.Upload upload = storage.begin(asset)) {
                upload.write(java.nio.ByteBuffer.wrap(new byte[S3AssetStorage.PART_SIZE + 1000]));
                assertThat(storedNames()).as("a part was sent").contains("unfinished:" + PREFIX + "objects/" + asset);
            }
            assertThat(storedNames()).isEqualTo(before);
            assertThat(storage.exists(asset)).isFalse();
        }
    }

    @AfterAll
    static void stopTheServer() {
        S3MockServer.stopShared();
    }

    @Override
    protected List<String> storedNames() {
        try (S3Client s3 = S3MockServer.shared().client()) {
            List<String> names = new ArrayList<>();
            s3.listObjectsV2Paginator(r -> r.bucket(S3MockServer.BUCKET).prefix(PREFIX)).contents().stream()
                    .map(S3Object::key).forEach(names::add);
            s3.listMultipartUploads(r -> r.bucket(S3MockServer.BUCKET).prefix(PREFIX)).uploads().stream()
                    .map(MultipartUpload::key).map(key -> "unfinished:" + key).forEach(names::add);
            return names.stream().sorted().toList();
        }
    }

    @Override
    protected InputStream openStored(AssetId asset) {
        S3Client s3 = S3MockServer.shared().client();
        InputStream object = s3.getObject(r -> r.bucket(S3MockServer.BUCKET).key(PREFIX + "objects/" + asset.value()));
        return new FilterInputStream(object) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    s3.close();
                }
            }
        };
    }

    @Override
    protected List<String> storageSecrets() {
        String endpoint = S3MockServer.shared().endpoint();
        return List.of(endpoint, endpoint.substring("http://".length()), S3MockServer.BUCKET, PREFIX,
                S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY);
    }

    @Override
    protected Map<String, String> storageProperties() {
        return storageProperties(S3MockServer.shared());
    }
}
