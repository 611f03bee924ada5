package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.asset.AssetId;
import com.bumpgrade.commerce.domain.catalog.ProductId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming write on its own, against the real local store: counted against Content-Length while it streams
 * (more is 413, fewer or a failure or a stall is incomplete), hashed, and nothing kept unless committed.
 */
class StreamedUploadTest {
    private static final AssetId ASSET = AssetId.forUpload(PublisherId.of("demo"), ProductId.of("p"), "s", "k");

    @TempDir
    Path root;

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> {
            byte[] bytes = new byte[size];
            java.util.Arrays.fill(bytes, (byte) i.intValue());
            return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
        });
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private StreamedUpload.Stored write(Flux<DataBuffer> body, long declared, boolean commit) {
        LocalAssetStorage storage = new LocalAssetStorage(root);
        try (java.util.stream.Stream<DataBuffer> buffers = StreamedUpload.open(body, Duration.ofMillis(500));
             AssetStorage.Upload upload = storage.begin(ASSET)) {
            StreamedUpload.Stored stored = StreamedUpload.write(buffers, declared, upload);
            if (commit) {
                upload.commit();
            }
            return stored;
        }
    }

    @Test
    void theWholeBodyIsCountedHashedAndKeptOnlyOnCommit() throws IOException {
        byte[] all = new byte[4 * 1000];
        for (int i = 0; i < 4; i++) {
            java.util.Arrays.fill(all, i * 1000, (i + 1) * 1000, (byte) i);
        }
        StreamedUpload.Stored stored = write(chunks(4, 1000), 4000, false);
        assertThat(stored.sizeBytes()).isEqualTo(4000);
        assertThat(stored.sha256()).isEqualTo(AssetHttp.sha256(all));
        assertThat(files()).as("closed without a commit").isEmpty();

        write(chunks(4, 1000), 4000, true);
        assertThat(files()).containsExactly(root.resolve("objects").resolve(ASSET.value()));
        assertThat(Files.readAllBytes(files().get(0))).isEqualTo(all);
    }

    @Test
    void moreBytesThanDeclaredAreTooLargeWhileStreaming() throws IOException {
        assertThatThrownBy(() -> write(chunks(5, 1000), 3500, true)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("asset_too_large"));
        assertThat(files()).isEmpty();
    }

    @Test
    void fewerBytesAFailureOrAStallAreIncompleteAndLeaveNothing() throws IOException {
        for (Flux<DataBuffer> body : List.of(chunks(2, 1000),
                chunks(2, 1000).concatWith(Flux.error(new IllegalStateException("connection reset"))),
                chunks(2, 1000).concatWith(Flux.never()))) {
            assertThatThrownBy(() -> write(body, 4000, true)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).isEqualTo("upload_incomplete"));
            assertThat(files()).isEmpty();
        }
    }

    @Test
    void theTypeIsDetectedFromTheBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
        assertThat(write(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(png)), png.length, false)
                .contentType()).isEqualTo("image/png");
        byte[] text = "just text".getBytes();
        assertThat(write(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text)), text.length, false)
                .contentType()).isEqualTo("application/octet-stream");
    }
}
