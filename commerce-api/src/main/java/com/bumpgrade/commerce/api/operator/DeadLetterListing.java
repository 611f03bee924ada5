package com.bumpgrade.commerce.api.operator;

import com.bumpgrade.commerce.api.deadletter.DeadLetterAttempts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every processing group's dead letters straight from Axon's {@code dead_letter_entry} table: no claims are
 * taken and no payload is deserialized, so listing never interferes with the retrier or a re-drive. The reason is
 * the failure code the dead-letter policy recorded ({@link DeadLetterAttempts#failureCode}), the one vocabulary
 * that webhook evidence shows too; the stored class name and message never leave the service.
 */
@Component
public class DeadLetterListing {
    private final JdbcTemplate jdbc;

    public DeadLetterListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One dead letter: its group, its sequence (the aggregate id), the event's type and why it is there. */
    /** A letter without a cause waits behind an earlier failed event of its sequence. */
    static final String SEQUENCE_BLOCKED = "sequence_blocked";

    @Schema(name = "DeadLetter")
    public record DeadLetterSummary(String processingGroup, String sequence, String eventType, String reasonCode,
                                    int attempts, Instant enqueuedAt, Instant lastTouchedAt) {
    }

    public List<DeadLetterSummary> list(String processingGroup, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT processing_group, sequence_identifier, payload_type, cause_type, enqueued_at, last_touched,
                       (convert_from(diagnostics, 'UTF8')::jsonb ->> ?)::int AS retries,
                       convert_from(diagnostics, 'UTF8')::jsonb ->> ? AS failure
                FROM dead_letter_entry""");
        List<Object> args = new ArrayList<>(List.of(DeadLetterAttempts.RETRIES, DeadLetterAttempts.FAILURE));
        if (processingGroup != null) {
            sql.append(" WHERE processing_group = ?");
            args.add(processingGroup);
        }
        sql.append(" ORDER BY processing_group, sequence_identifier, sequence_index LIMIT ?");
        args.add(Math.max(1, Math.min(limit, 500)));
        return jdbc.query(sql.toString(), (rs, row) -> {
            String cause = rs.getString("cause_type");
            int retries = rs.getInt("retries");
            // a letter with a cause failed at least once, even before the policy counted it
            int attempts = cause == null ? 0 : Math.max(1, retries);
            return new DeadLetterSummary(rs.getString("processing_group"), rs.getString("sequence_identifier"),
                    simpleName(rs.getString("payload_type")), reason(cause, rs.getString("failure")), attempts,
                    instant(rs.getString("enqueued_at")), instant(rs.getString("last_touched")));
        }, args.toArray());
    }

    private static String reason(String cause, String failure) {
        if (cause == null) {
            return SEQUENCE_BLOCKED;
        }
        // letters parked before the policy recorded a code have none
        return failure != null ? failure : DeadLetterAttempts.HANDLER_FAILED;
    }

    private static String simpleName(String payloadType) {
        String name = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** Axon writes its dead-letter timestamps as ISO-8601 text. */
    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
