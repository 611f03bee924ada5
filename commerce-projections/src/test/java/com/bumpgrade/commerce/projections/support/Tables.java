package com.bumpgrade.commerce.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Full row contents of read-model tables, each row as JSON in key order, to compare whole tables. */
public final class Tables {
    private final JdbcTemplate jdbc;
    private final Map<String, String> orderByTable;

    private Tables(JdbcTemplate jdbc, Map<String, String> orderByTable) {
        this.jdbc = jdbc;
        this.orderByTable = orderByTable;
    }

    /** Table names, each followed by the key it is ordered by. */
    public static Tables of(JdbcTemplate jdbc, String... tablesAndKeys) {
        Map<String, String> order = new LinkedHashMap<>();
        for (int i = 0; i < tablesAndKeys.length; i += 2) {
            order.put(tablesAndKeys[i], tablesAndKeys[i + 1]);
        }
        return new Tables(jdbc, order);
    }

    public Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        orderByTable.forEach((table, key) -> rows.put(table, jdbc.queryForList(
                "SELECT row_to_json(t)::text FROM " + table + " t ORDER BY " + key, String.class)));
        return rows;
    }

    /** Empties the tables directly, not through the reset handler under test. */
    public void truncate() {
        jdbc.update("TRUNCATE " + String.join(", ", orderByTable.keySet()) + " RESTART IDENTITY");
    }
}
