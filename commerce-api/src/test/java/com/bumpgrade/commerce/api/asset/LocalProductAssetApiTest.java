package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.domain.asset.AssetId;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The asset suite against the local directory store, the default (a directory relative to the working one). */
class LocalProductAssetApiTest extends ProductAssetContract {
    private static final Path ROOT = Path.of("target", "assets-local-" + UUID.randomUUID().toString().substring(0, 8));

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("bumpgrade.assets.location", ROOT::toString);
        limits(registry);
    }

    @Override
    protected List<String> storedNames() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).map(file -> ROOT.relativize(file).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected InputStream openStored(AssetId asset) throws IOException {
        return Files.newInputStream(ROOT.resolve("objects").resolve(asset.value()));
    }

    @Override
    protected List<String> storageSecrets() {
        return List.of(ROOT.toAbsolutePath().toString(), ROOT.getFileName().toString());
    }

    @Override
    protected Map<String, String> storageProperties() {
        return Map.of("bumpgrade.assets.location", ROOT.toString());
    }
}
