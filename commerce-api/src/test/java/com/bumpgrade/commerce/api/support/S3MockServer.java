package com.bumpgrade.commerce.api.support;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Adobe's S3Mock, a real S3-compatible HTTP server, as a separate JVM started from the jar Maven copies into
 * {@code target/s3mock} (D84): its Spring Boot is not ours to share a class path with. One per test JVM, on a free
 * loopback port, storing under target/, ended when the JVM exits.
 */
public final class S3MockServer {
    public static final String BUCKET = "bumpgrade-assets";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    private static S3MockServer shared;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static S3MockServer start() {
        try {
            File jar = target().resolve("s3mock/s3mock.jar").toFile();
            if (!jar.isFile()) {
                throw new IllegalStateException(jar + " is missing: run the build through Maven "
                        + "(process-test-resources copies it)");
            }
            int http = ServiceProcess.freePort();
            int https = ServiceProcess.freePort();
            Path root = Files.createTempDirectory(target(), "s3mock-store");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.getAbsolutePath(),
                    "--server.address=127.0.0.1", "--server.port=" + https,
                    "--com.adobe.testing.s3mock.httpPort=" + http,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.retainFilesOnExit=false"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(target().resolve("s3mock.log").toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            S3MockServer server = new S3MockServer(process, http);
            server.awaitBucket(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path target() {
        // the module directory under Maven; the reactor root when started from there
        return new File("commerce-api/target").isDirectory() ? Path.of("commerce-api/target") : Path.of("target");
    }

    private void awaitBucket(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see target/s3mock.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", port); S3Client client = client()) {
                client.headBucket(r -> r.bucket(BUCKET));
                return;
            } catch (Exception e) {
                // not up yet
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("S3Mock did not answer in " + timeout);
    }

    /** Ends the shared server (the test class that uses it, when it is done); a later call starts a new one. */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.process.destroy();
            try {
                if (!shared.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    shared.process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shared.process.destroyForcibly();
            }
            shared = null;
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of the server, as the tests inspect it (never the service's). */
    public S3Client client() {
        return S3Client.builder().endpointOverride(java.net.URI.create(endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY))).build();
    }
}
