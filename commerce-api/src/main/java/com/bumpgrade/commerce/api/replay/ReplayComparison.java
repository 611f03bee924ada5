package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.domain.shared.PublisherId;
import com.bumpgrade.commerce.projections.replay.ReplayedProjections.ReplayedTable;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Compares one replayed table with its live table, both limited to one publisher's rows. A row is its JSON
 * without the storage-numbered columns; the checksum is the MD5 of the rows' MD5s in key order, so two tables
 * have one checksum exactly when they hold the same rows.
 */
final class ReplayComparison {
    static final int MAX_KEYS = 20;

    private ReplayComparison() {
    }

    static TableComparison compare(JdbcTemplate jdbc, ReplayedTable table, String shadowSchema,
                                   PublisherId publisher) {
        long[] liveCount = new long[1];
        long[] shadowCount = new long[1];
        String live = checksum(jdbc, table, "public", publisher, liveCount);
        String shadow = checksum(jdbc, table, shadowSchema, publisher, shadowCount);
        boolean equal = live.equals(shadow) && liveCount[0] == shadowCount[0];
        List<String> keys = equal ? List.of() : jdbc.queryForList("SELECT coalesce(l.k, r.k) FROM ("
                + rows(table, "public") + ") l FULL JOIN (" + rows(table, shadowSchema) + ") r ON l.k = r.k "
                + "WHERE l.j IS DISTINCT FROM r.j ORDER BY 1 LIMIT " + MAX_KEYS, String.class,
                publisher.value(), publisher.value());
        return new TableComparison(table.name(), liveCount[0], shadowCount[0], live, shadow, equal, keys);
    }

    private static String checksum(JdbcTemplate jdbc, ReplayedTable table, String schema, PublisherId publisher,
                                   long[] count) {
        return jdbc.queryForObject("SELECT count(*), coalesce(md5(string_agg(md5(j::text), '' ORDER BY k)), '') "
                + "FROM (" + rows(table, schema) + ") t", (rs, row) -> {
                    count[0] = rs.getLong(1);
                    return rs.getString(2);
                }, publisher.value());
    }

    /** The publisher's rows of the table in that schema, as key {@code k} and content {@code j}. */
    private static String rows(ReplayedTable table, String schema) {
        String content = "to_jsonb(t)" + (table.storageColumns().isEmpty() ? ""
                : " - '{" + String.join(",", table.storageColumns()) + "}'::text[]");
        return "SELECT (" + table.key() + ")::text AS k, " + content + " AS j FROM " + schema + "." + table.name()
                + " t WHERE " + table.publisherScope().replace("{schema}", schema);
    }
}
