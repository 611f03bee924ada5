package com.bumpgrade.commerce.api.replay;

import com.bumpgrade.commerce.api.envelope.BillingWriteEnvelope;
import com.bumpgrade.commerce.api.envelope.ConfirmedAction;
import com.bumpgrade.commerce.api.envelope.WriteOutcome;
import com.bumpgrade.commerce.api.envelope.WriteRequest;
import com.bumpgrade.commerce.api.envelope.WriteResult;
import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;

/**
 * An auditor starts a replay (a confirmed write: it costs a full read of the event store) and follows it. The
 * replay runs in the background ({@link ReplayRunner}); its row tells its progress and verdict.
 */
@Service
public class AuditReplays {
    private final BillingWriteEnvelope envelope;
    private final ReplayStore store;
    private final ReplayRunner runner;

    AuditReplays(BillingWriteEnvelope envelope, ReplayStore store, ReplayRunner runner) {
        this.envelope = envelope;
        this.store = store;
        this.runner = runner;
    }

    /** The body of a start: only the confirmation. */
    public record StartReplayRequest(String confirmation) {
    }

    public WriteOutcome start(ApiCaller caller, HttpHeaders headers, StartReplayRequest request) {
        return envelope.submit(caller, headers, WriteRequest.create("audit.replay", request), write -> {
            String phrase = "Replay the event store and compare the read models of publisher "
                    + caller.publisher().value();
            return ConfirmedAction.of(phrase, request.confirmation(), Map.of(), () -> {
                ReplayId id = ReplayId.random();
                return store.start(id, caller.publisher(), write.context(), Instant.now())
                        .map(started -> {
                            runner.run(id, caller.publisher());
                            return WriteResult.done(HttpStatus.ACCEPTED, started);
                        })
                        .orElseGet(() -> WriteResult.notRecorded(HttpStatus.CONFLICT, ApiErrors.body(
                                "replay_running", "A replay is running; start another once it has ended.")));
            });
        });
    }

    public ReplayView find(ApiCaller caller, String replayId) {
        return store.find(replayId, caller.publisher()).orElseThrow(ApiException::notFound);
    }
}
