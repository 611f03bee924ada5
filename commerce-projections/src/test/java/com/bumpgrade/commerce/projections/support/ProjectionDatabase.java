package com.bumpgrade.commerce.projections.support;

import org.flywaydb.core.Flyway;
import com.bumpgrade.commerce.projections.shared.ProjectionJdbc;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The projection tests' view of the real PostgreSQL that {@link TestDatabase} chose: the api module's Flyway
 * migrations build the schema, read from the location surefire passes as {@code bumpgrade.migrations} (D43).
 */
public final class ProjectionDatabase {
    private static ProjectionDatabase instance;

    private final SingleConnectionDataSource dataSource;
    private final ProjectionJdbc jdbc;
    private final DataSourceTransactionManager transactions;

    private ProjectionDatabase(String url, String username, String password) {
        // one connection, so a test sees its own writes in order and the run stays light on a shared server
        this.dataSource = new SingleConnectionDataSource(url, username, password, true);
        Flyway.configure().dataSource(dataSource).locations(migrations()).load().migrate();
        this.jdbc = new ProjectionJdbc(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public static synchronized ProjectionDatabase get() {
        if (instance == null) {
            instance = open();
        }
        return instance;
    }

    public ProjectionJdbc jdbc() {
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
        TestDatabase.Database database = TestDatabase.get();
        return new ProjectionDatabase(database.url(), database.username(), database.password());
    }
}
