package com.bumpgrade.commerce.api.support;

import com.bumpgrade.commerce.projections.support.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service in a child JVM with a small heap (256 MB) and little direct memory (64 MB), started from the test
 * class path with the test profile and the test database: what a memory claim is proved against. A service that
 * joined a 200 MB body, on the heap or in Netty's direct buffers, dies there with OutOfMemoryError.
 */
public final class SmallHeapService implements AutoCloseable {
    public static final String HEAP = "-Xmx256m";
    public static final String DIRECT = "-XX:MaxDirectMemorySize=64m";

    private final Process process;
    private final int port;
    private final Path log;

    private SmallHeapService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static SmallHeapService start(String name, Map<String, String> properties) throws IOException {
        int port = ServiceProcess.freePort();
        TestDatabase.Database database = TestDatabase.get();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, HEAP, DIRECT, "-XX:+ExitOnOutOfMemoryError",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                "com.bumpgrade.commerce.api.CommerceApplication", "--server.port=" + port,
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                // the test database is shared with the test JVM's own contexts: a few connections are enough
                "--spring.datasource.hikari.maximum-pool-size=4"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        File target = new File("commerce-api/target").isDirectory() ? new File("commerce-api/target")
                : new File("target");
        Path log = target.toPath().resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        SmallHeapService service = new SmallHeapService(process, port, log);
        try {
            service.awaitReady(Duration.ofSeconds(180));
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void awaitReady(Duration timeout) throws IOException {
        ServiceProcess.awaitReady(process, port, timeout,
                "the small-heap service exited with %d; see " + String.valueOf(log).replace("%", "%%"));
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
