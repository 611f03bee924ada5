package com.bumpgrade.commerce.api.config;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer the service stores events and tokens with ({@link AxonStorageConfiguration#storageObjectMapper()}),
 * for test code outside this package: the benchmark reads tokens and checks the events it generates with it.
 */
public final class StorageSerializer {
    private StorageSerializer() {
    }

    public static Serializer create() {
        return JacksonSerializer.builder().objectMapper(AxonStorageConfiguration.storageObjectMapper()).build();
    }
}
