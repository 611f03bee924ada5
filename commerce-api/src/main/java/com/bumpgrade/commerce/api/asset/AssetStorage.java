package com.bumpgrade.commerce.api.asset;

import com.bumpgrade.commerce.domain.asset.AssetId;

import java.nio.ByteBuffer;

/**
 * Where the bytes of private product assets live (D83). An object is named by its asset id alone, so nothing the
 * uploader chose (a file name above all) reaches the store, and no key, path or URL ever leaves it: no method
 * answers one. An upload is written to a temporary object and becomes the asset's object only by
 * {@link Upload#commit()}, after its full length and SHA-256 are known; anything else discards it.
 */
public interface AssetStorage {

    /** Starts writing the bytes of an asset to a temporary object. */
    Upload begin(AssetId asset);

    /** Whether the asset's object exists (readiness names a recorded asset whose object is gone). */
    boolean exists(AssetId asset);

    /** Removes the asset's object, if any (the undo of a commit whose record could not be made). */
    void delete(AssetId asset);

    /** One upload in progress. Closing it without a commit discards everything written. */
    interface Upload extends AutoCloseable {
        /** Appends the buffer's remaining bytes. */
        void write(ByteBuffer bytes);

        /** Makes the written bytes the asset's object, replacing any earlier one. */
        void commit();

        /** Discards the temporary object; a no-op after a commit. */
        @Override
        void close();
    }

    /** A store that cannot be reached or refused a write: the upload fails and keeps nothing. */
    class StorageFailure extends RuntimeException {
        public StorageFailure(String message, Throwable cause) {
            // the cause's message may name a path or a key: kept for the stack, never logged or shown
            super(message, cause);
        }
    }
}
