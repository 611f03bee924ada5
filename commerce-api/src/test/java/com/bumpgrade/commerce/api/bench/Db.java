package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.projections.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC to the benchmark's database: no pool, so nothing between the measurement and PostgreSQL. */
final class Db {
    private Db() {
    }

    static Connection connect(TestDatabase.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The highest global index in the event store (-1 when it is empty). */
    static long head(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(max(global_index), -1) FROM domain_event_entry"); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** VmRSS and VmHWM (peak) of a process, in MiB, from /proc/{pid}/status; -1 where unreadable. */
    static double[] memoryMib(long pid) {
        double[] rss = {-1, -1};
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    double mib = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                    rss[line.startsWith("VmRSS:") ? 0 : 1] = mib;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux, or the process has ended
        }
        return rss;
    }
}
