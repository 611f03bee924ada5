package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.domain.refusal.RecordRefusedWrite;
import com.bumpgrade.commerce.domain.shared.BillingContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Sends a refusal the envelope answered to its publisher's day stream, for the audit trail (D97). Best effort: the
 * caller's refusal stands whatever happens here, so a failure is logged (its type only) and the answer goes out.
 * Package-private: only the envelope records refusals.
 */
@Component
class RefusedWriteRecorder {
    private static final Logger log = LoggerFactory.getLogger(RefusedWriteRecorder.class);
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final Clock clock;

    RefusedWriteRecorder(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** {@code recordId} only when the use case had read the record for this caller (D97), else null. */
    void record(ApiCaller caller, BillingContext context, String action, String code, String recordId) {
        if (code == null || !CODE.matcher(code).matches()) {
            log.warn("Refused write not recorded: its code is not a plain code");
            return;
        }
        RecordRefusedWrite command = RecordRefusedWrite.of(caller.publisher(), action, code, recordId, context,
                clock.instant());
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                // another instance appended to (or opened) the day's stream at the same sequence: read it again
                if (attempt == ATTEMPTS) {
                    log.warn("Refused write {} not recorded: the day's stream stayed contended", code);
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Refused write {} not recorded: {}", code, e.getClass().getName());
                return;
            }
        }
    }
}
