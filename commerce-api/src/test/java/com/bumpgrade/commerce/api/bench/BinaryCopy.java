package com.bumpgrade.commerce.api.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One {@code COPY … FROM STDIN (FORMAT binary)} stream: PostgreSQL's binary tuple format (a 16-bit field count,
 * then each field as a 32-bit length and its bytes, -1 for NULL), so bytea needs no escaping. Values: String
 * (text/varchar, UTF-8), Long (bigint), byte[] (bytea) or null.
 */
final class BinaryCopy implements AutoCloseable {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final DataOutputStream out;
    private long rows;

    BinaryCopy(Connection connection, String table, String columns) throws SQLException, IOException {
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)", 1 << 16);
        out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
    }

    void row(Object... values) throws IOException {
        out.writeShort(values.length);
        for (Object value : values) {
            if (value == null) {
                out.writeInt(-1);
            } else if (value instanceof Long number) {
                out.writeInt(8);
                out.writeLong(number);
            } else {
                byte[] bytes = value instanceof byte[] raw ? raw : ((String) value).getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY: PostgreSQL commits it (autocommit) when the stream closes. */
    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
