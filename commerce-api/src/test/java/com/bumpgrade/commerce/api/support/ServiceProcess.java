package com.bumpgrade.commerce.api.support;

import com.bumpgrade.commerce.projections.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged service (target/commerce-api-*.jar) as a separate JVM, for crash and multi-instance tests. */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * What a separately started service needs in tests: the test database, the fake Stripe with a sandbox key and
     * the test webhook secret, and one agent token of publisher demo.
     */
    public static Map<String, String> testProperties(TestDatabase.Database database, FakeStripe stripe, String token,
                                                     String actor) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("bumpgrade.loopback-base-url", "true");
        properties.put("stripe.secret-key", "sk_test_bumpgradeFakeKeyForTests000");
        properties.put("stripe.api-base", stripe.baseUrl());
        properties.put("stripe.webhook-secret", StripeEvents.SECRET);
        properties.put("bumpgrade.security.tokens[0].token", token);
        properties.put("bumpgrade.security.tokens[0].actor", actor);
        properties.put("bumpgrade.security.tokens[0].role", "agent");
        properties.put("bumpgrade.security.tokens[0].publisher", "demo");
        return properties;
    }

    public static ServiceProcess start(String name, int port, Map<String, String> properties) throws IOException {
        File jar = findJar();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Daxoniq.update-checker.disabled=true"));
        String extra = System.getProperty("service.jvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a flight recording for the benchmark
        }
        command.addAll(List.of("-jar", jar.getAbsolutePath(), "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = findJar().toPath().resolveSibling(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port, log);
        service.awaitHealthy(Duration.ofSeconds(120));
        return service;
    }

    private static File findJar() {
        File target = new File("target");
        if (!new File("pom.xml").exists() || new File("commerce-api").isDirectory()) {
            target = new File("commerce-api/target"); // started from the reactor root
        }
        File[] jars = target.listFiles((dir, file) -> file.matches("commerce-api-.*\\.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("target/commerce-api-*.jar is missing: run `./mvnw verify`");
        }
        return jars[0];
    }

    private void awaitHealthy(Duration timeout) throws IOException {
        awaitReady(process, port, timeout, "service exited with %d; see target/*.log");
    }

    /** Polls the readiness probe of a service process on the port until it is up, it exits or the time is out. */
    static void awaitReady(Process process, int port, Duration timeout, String exitMessage) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(String.format(exitMessage, process.exitValue()));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("service did not become ready in " + timeout);
    }

    /** A port free right now, for a service process about to start. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The service JVM's process id (the benchmark reads its memory from /proc). */
    public long pid() {
        return process.pid();
    }

    /** Everything the process printed (appended across runs of the same name). */
    public Path log() {
        return log;
    }

    /** SIGTERM, as a container runtime or Ctrl-C sends it; the exit code once the JVM has ended. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("the service did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no graceful stop, like a crashed host. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
