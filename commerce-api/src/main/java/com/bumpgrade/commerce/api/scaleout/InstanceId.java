package com.bumpgrade.commerce.api.scaleout;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This service instance's name: its token claims' owner and its row in {@code service_instance}. Axon's default
 * node id is the JVM name (pid@host), shared by every application context in one JVM; two contexts would then
 * both believe they own a segment. A random suffix makes each instance's claims its own.
 */
public record InstanceId(String value) {

    public static InstanceId random() {
        return new InstanceId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }
}
