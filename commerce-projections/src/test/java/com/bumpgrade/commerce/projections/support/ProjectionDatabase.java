package com.bumpgrade.commerce.projections.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL the projection tests run against, chosen once per JVM like the api's TestDatabase:
 * {@code BUMPGRADE_TEST_JDBC_URL} when set, else a fresh database on the local server at 127.0.0.1:5432 (dropped
 * when the JVM exits), else an embedded PostgreSQL. The api module's Flyway migrations build the schema, read
 * from the location surefire passes as {@code bumpgrade.migrations} (D43). Never an in-memory substitute.
 */
public final class ProjectionDatabase {
    private static final String LOCAL_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static ProjectionDatabase instance;

    private final SingleConnectionDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactions;

    private ProjectionDatabase(String url, String username, String password) {
        // one connection, so a test sees its own writes in order and the run stays light on a shared server
        this.dataSource = new SingleConnectionDataSource(url, username, password, true);
        Flyway.configure().dataSource(dataSource).locations(migrations()).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public static synchronized ProjectionDatabase get() {
        if (instance == null) {
            instance = open();
        }
        return instance;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }

    private static String migrations() {
        // outside Maven (an IDE run from the module directory) the same relative place
        return System.getProperty("bumpgrade.migrations",
                "filesystem:../commerce-api/src/main/resources/db/migration");
    }

    private static ProjectionDatabase open() {
        String explicit = System.getenv("BUMPGRADE_TEST_JDBC_URL");
        if (explicit != null && !explicit.isBlank()) {
            return new ProjectionDatabase(explicit, env("BUMPGRADE_TEST_JDBC_USERNAME", "postgres"),
                    env("BUMPGRADE_TEST_JDBC_PASSWORD", ""));
        }
        if (reachable()) {
            String database = "bumpgrade_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin("CREATE DATABASE " + database);
            ProjectionDatabase opened = new ProjectionDatabase("jdbc:postgresql://127.0.0.1:5432/" + database,
                    "postgres", "");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                opened.dataSource.destroy();
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }));
            System.out.println("[projection-database] local PostgreSQL, database " + database);
            return opened;
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
            System.out.println("[projection-database] embedded PostgreSQL");
            return new ProjectionDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL available for the projection tests", e);
        }
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(LOCAL_ADMIN, "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (sql.startsWith("CREATE")) {
                throw new IllegalStateException("local PostgreSQL at 127.0.0.1:5432 refused a new database", e);
            }
            // dropping is best effort: a leftover test database holds no secrets
        }
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
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
