package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.web.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Streams a request body into an {@link AssetStorage.Upload}, buffer by buffer, counting and hashing as it goes
 * (D82): at most {@link #PREFETCH} buffers are read ahead and each is released once written, so memory stays flat
 * whatever the size, and the body is never joined. Blocking: runs on a worker thread, off the event loop.
 */
final class StreamedUpload {
    static final int PREFETCH = 4;

    /** What was stored: the counted size, the SHA-256 of every byte, the type detected from the first bytes. */
    record Stored(long sizeBytes, String sha256, String contentType) {
    }

    private StreamedUpload() {
    }

    /** Hashes and counts without keeping anything: a retry of an upload already recorded is only compared. */
    static final AssetStorage.Upload DISCARD = new AssetStorage.Upload() {
        @Override
        public void write(ByteBuffer bytes) {
            bytes.position(bytes.limit());
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Subscribes to the body at once, reading at most {@link #PREFETCH} buffers ahead: a connection closed from
     * now on ends the stream with an error, and a body idle for {@code idle} too. Close the stream when done.
     */
    static Stream<DataBuffer> open(Flux<DataBuffer> body, Duration idle) {
        return body.timeout(idle).doOnDiscard(DataBuffer.class, DataBufferUtils::release).toStream(PREFETCH);
    }

    /**
     * Writes exactly {@code declaredLength} bytes; fewer (the client went away, or sent nothing for the idle
     * time) or more fail, and the caller's upload is then closed uncommitted.
     */
    static Stored write(Stream<DataBuffer> buffers, long declaredLength, AssetStorage.Upload target) {
        MessageDigest sha = sha256();
        ContentSniffer sniffer = new ContentSniffer();
        long count = 0;
        Iterator<DataBuffer> it = buffers.iterator();
        while (hasNext(it)) {
            DataBuffer buffer = it.next();
            try {
                count += buffer.readableByteCount();
                if (count > declaredLength) {
                    throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "asset_too_large",
                            "The body is longer than its Content-Length.");
                }
                try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                    while (chunks.hasNext()) {
                        ByteBuffer chunk = chunks.next();
                        sha.update(chunk.duplicate());
                        sniffer.feed(chunk);
                        target.write(chunk);
                    }
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
        }
        if (count != declaredLength) {
            throw incomplete();
        }
        return new Stored(count, HexFormat.of().formatHex(sha.digest()), sniffer.type());
    }

    /** A body that ended early (the connection closed, or the idle time passed) is an incomplete upload. */
    private static boolean hasNext(Iterator<DataBuffer> it) {
        try {
            return it.hasNext();
        } catch (RuntimeException e) {
            // the cause names a connection or a timeout, nothing the client needs; nothing is kept
            throw incomplete();
        }
    }

    private static ApiException incomplete() {
        return ApiException.badRequest("upload_incomplete",
                "The body ended before its Content-Length; nothing was stored. Retry with the same Idempotency-Key.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
