package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.domain.asset.AssetId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Assets in an S3-compatible bucket, under {@code <prefix>objects/<assetId>}. An upload of up to one part is put
 * as one object on {@link Upload#commit()}; a larger one is a multipart upload, whose parts are invisible until
 * the commit completes it (the object appears whole, or not at all), and closing it uncommitted aborts it, which
 * removes every part. Parts are buffered {@link #PART_SIZE} at a time, so an upload holds one part in memory
 * whatever its size.
 */
class S3AssetStorage implements AssetStorage {
    /** Above S3's 5 MiB minimum for every part but the last. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3AssetStorage(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public Upload begin(AssetId asset) {
        return new PartUpload(key(asset));
    }

    @Override
    public boolean exists(AssetId asset) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key(asset)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            if (e instanceof software.amazon.awssdk.services.s3.model.S3Exception s3e && s3e.statusCode() == 404) {
                return false;
            }
            throw new StorageFailure("cannot look up an asset", e);
        }
    }

    @Override
    public void delete(AssetId asset) {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key(asset)));
        } catch (SdkException e) {
            throw new StorageFailure("cannot delete an asset", e);
        }
    }

    private String key(AssetId asset) {
        return prefix + "objects/" + asset.value();
    }

    /**
     * Up to one part, the bytes stay in memory and a commit puts them as one object; past it, a multipart upload
     * is started and each full part sent. Nothing is visible before the commit; closing uncommitted aborts.
     */
    private final class PartUpload implements Upload {
        private final String key;
        private final List<CompletedPart> parts = new ArrayList<>();
        private String uploadId;
        private byte[] part;
        private int filled;
        private boolean committed;

        PartUpload(String key) {
            this.key = key;
        }

        @Override
        public void write(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                if (part == null) {
                    part = new byte[PART_SIZE];
                }
                int n = Math.min(bytes.remaining(), PART_SIZE - filled);
                bytes.get(part, filled, n);
                filled += n;
                if (filled == PART_SIZE) {
                    flush();
                }
            }
        }

        private void flush() {
            try {
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)
                            .contentType("application/octet-stream")).uploadId();
                }
                int number = parts.size() + 1;
                String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                        .contentLength((long) filled), body()).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            } catch (SdkException e) {
                throw new StorageFailure("cannot write an asset", e);
            }
            filled = 0;
        }

        private RequestBody body() {
            byte[] bytes = part;
            int length = filled;
            return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                    "application/octet-stream");
        }

        @Override
        public void commit() {
            try {
                if (uploadId == null) {
                    s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/octet-stream")
                            .contentLength((long) filled), body());
                } else {
                    if (filled > 0) {
                        flush();
                    }
                    s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts)));
                }
                committed = true;
            } catch (SdkException e) {
                throw new StorageFailure("cannot store an asset", e);
            } finally {
                part = null;
            }
        }

        @Override
        public void close() {
            part = null;
            if (committed || uploadId == null) {
                return;
            }
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException e) {
                throw new StorageFailure("cannot discard an asset upload", e);
            }
        }
    }
}
