package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.domain.asset.AssetId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Assets in a local directory: {@code <root>/objects/<assetId>}, written first to {@code <root>/staging/} and
 * moved into place atomically on commit. The file names are asset ids (checked by {@link AssetId}), so no name
 * from a request can point outside the root.
 */
class LocalAssetStorage implements AssetStorage {
    private final Path objects;
    private final Path staging;

    LocalAssetStorage(Path root) {
        Path base = root.toAbsolutePath().normalize();
        this.objects = base.resolve("objects");
        this.staging = base.resolve("staging");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the asset directories", e);
        }
    }

    @Override
    public Upload begin(AssetId asset) {
        Path temporary = staging.resolve(asset.value() + "." + UUID.randomUUID() + ".part");
        try {
            return new FileUpload(FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), temporary, object(asset));
        } catch (IOException e) {
            throw new StorageFailure("cannot start an asset upload", e);
        }
    }

    @Override
    public boolean exists(AssetId asset) {
        return Files.isRegularFile(object(asset));
    }

    @Override
    public void delete(AssetId asset) {
        try {
            Files.deleteIfExists(object(asset));
        } catch (IOException e) {
            throw new StorageFailure("cannot delete an asset", e);
        }
    }

    private Path object(AssetId asset) {
        return objects.resolve(asset.value());
    }

    private static final class FileUpload implements Upload {
        private final FileChannel channel;
        private final Path temporary;
        private final Path target;
        private boolean committed;

        FileUpload(FileChannel channel, Path temporary, Path target) {
            this.channel = channel;
            this.temporary = temporary;
            this.target = target;
        }

        @Override
        public void write(ByteBuffer bytes) {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw new StorageFailure("cannot write an asset", e);
            }
        }

        @Override
        public void commit() {
            try {
                channel.force(true);
                channel.close();
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                committed = true;
            } catch (IOException e) {
                throw new StorageFailure("cannot store an asset", e);
            }
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                channel.close();
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                throw new StorageFailure("cannot discard an asset upload", e);
            }
        }
    }
}
