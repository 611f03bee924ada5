package com.bumpgrade.commerce.domain.refusal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One publisher's refused billing writes of one UTC day, as recorded history for the audit trail (D97). It only
 * records, and bounds what one caller can make it record: a retry of the same refusal (same caller, key, action
 * and code) is recorded once, and a day holds at most {@link #MAX_PER_DAY} refusals, which also bounds the
 * stream each refusal loads. Registered with Axon by the api module's configuration.
 */
public class RefusedWrites {
    public static final int MAX_PER_DAY = 1_000;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @AggregateIdentifier
    private RefusedWritesId refusedWritesId;
    private int recorded;
    private final Set<String> seen = new HashSet<>();

    protected RefusedWrites() {
        // created by the day's first refusal, rebuilt from events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RefusalRecording handle(RecordRefusedWrite command) {
        if (!command.refusedWritesId().equals(RefusedWritesId.forDay(command.publisherId(), command.refusedAt()))) {
            throw new IllegalArgumentException("the stream must be the publisher's of the refusal's day");
        }
        require(CODE, command.code(), "code");
        require(ACTION, command.action(), "action");
        if (command.recordId() != null) {
            require(RECORD_ID, command.recordId(), "record id");
        }
        String retry = retryKey(command.context().actor().value(), command.context().idempotencyKey() == null
                ? null : command.context().idempotencyKey().value(), command.action(), command.code());
        if (retry != null && seen.contains(retry)) {
            return RefusalRecording.ALREADY_RECORDED;
        }
        if (recorded >= MAX_PER_DAY) {
            return RefusalRecording.LIMIT_REACHED;
        }
        apply(new BillingWriteRefused(command.refusedWritesId(), command.publisherId(), command.action(),
                command.code(), command.recordId(), command.context(), command.refusedAt()));
        return RefusalRecording.RECORDED;
    }

    @EventSourcingHandler
    void on(BillingWriteRefused event) {
        refusedWritesId = event.refusedWritesId();
        recorded++;
        String retry = retryKey(event.context().actor().value(), event.context().idempotencyKey() == null
                ? null : event.context().idempotencyKey().value(), event.action(), event.code());
        if (retry != null) {
            seen.add(retry);
        }
    }

    private static String retryKey(String actor, String idempotencyKey, String action, String code) {
        return idempotencyKey == null ? null : actor + "\n" + idempotencyKey + "\n" + action + "\n" + code;
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("the refusal's " + what + " must be a plain, validated value");
        }
    }
}
