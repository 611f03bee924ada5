package com.bumpgrade.commerce.projections.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL the tests of every module run against (the api module's tests use it from this module's
 * test jar), chosen once per JVM:
 * <ol>
 *   <li>{@code BUMPGRADE_TEST_JDBC_URL} (+ _USERNAME/_PASSWORD) when set;</li>
 *   <li>a Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>otherwise the local server at 127.0.0.1:5432, in a fresh database created for this run;</li>
 *   <li>otherwise an embedded PostgreSQL (zonky).</li>
 * </ol>
 * Never an in-memory substitute: Flyway runs the real migrations on whichever it is.
 */
public final class TestDatabase {
    public record Database(String url, String username, String password, String kind) {
    }

    private static Database instance;

    private TestDatabase() {
    }

    public static synchronized Database get() {
        if (instance == null) {
            instance = choose();
            System.out.println("[test-database] using " + instance.kind());
        }
        return instance;
    }

    /** The database this JVM's tests used, if any did: the redaction scan looks only at one that exists. */
    public static synchronized java.util.Optional<Database> inUse() {
        return java.util.Optional.ofNullable(instance);
    }

    private static Database choose() {
        String explicit = System.getenv("BUMPGRADE_TEST_JDBC_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new Database(explicit, env("BUMPGRADE_TEST_JDBC_USERNAME", "postgres"),
                    env("BUMPGRADE_TEST_JDBC_PASSWORD", ""), "configured " + explicit);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }
        if (reachable("127.0.0.1", 5432)) {
            String database = "bumpgrade_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", ""); Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("local PostgreSQL at 127.0.0.1:5432 refused a new database", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(database)));
            return new Database("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "",
                    "local PostgreSQL, database " + database);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL available for the tests", e);
        }
    }

    private static void drop(String database) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort: a leftover test database holds no secrets
        }
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("BUMPGRADE_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
