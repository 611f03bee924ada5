package com.bumpgrade.commerce.api.envelope;

import com.bumpgrade.commerce.api.security.ApiCaller;
import com.bumpgrade.commerce.api.security.Role;
import com.bumpgrade.commerce.api.support.ServiceTest;
import com.bumpgrade.commerce.api.support.CapturedLogs;
import com.bumpgrade.commerce.api.web.ApiErrors;
import com.bumpgrade.commerce.api.web.ApiException;
import com.bumpgrade.commerce.domain.refusal.BillingWriteRefused;
import com.bumpgrade.commerce.domain.shared.ActorId;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one sequence of a confirmed write, driven directly against the real idempotency table: what runs, in which
 * order, and what is stored. The API tests cover each route; this pins the sequence they all share.
 */
class BillingWriteEnvelopeTest extends ServiceTest {
    private static final String PHRASE = "Do the thing";

    @Autowired
    BillingWriteEnvelope envelope;

    private final ApiCaller caller = new ApiCaller(ActorId.of("envelope-" + UUID.randomUUID()), Role.AGENT,
            PublisherId.of("demo"));
    private final AtomicInteger prepared = new AtomicInteger();
    private final AtomicInteger executed = new AtomicInteger();

    private static HttpHeaders headers(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(BillingWriteEnvelope.IDEMPOTENCY_KEY, key);
        headers.add(BillingWriteEnvelope.CORRELATION_ID, "corr-1");
        headers.add(BillingWriteEnvelope.CLIENT, "envelope-test");
        return headers;
    }

    private Function<BillingWrite, ConfirmedAction> prepare(String given, Supplier<WriteResult> result) {
        return write -> {
            prepared.incrementAndGet();
            return ConfirmedAction.of(PHRASE, given, Map.of("thing", "t1"), () -> {
                executed.incrementAndGet();
                return result.get();
            });
        };
    }

    private WriteOutcome submit(String key, Object body, String given, Supplier<WriteResult> result) {
        return envelope.submit(caller, headers(key), WriteRequest.create("test.thing", body), prepare(given, result));
    }

    private static Supplier<WriteResult> created() {
        return () -> WriteResult.done(HttpStatus.CREATED, Map.of("status", "done"));
    }

    private long storedRows(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE scope = ? AND idempotency_key = ?",
                Long.class, "demo/" + caller.actor().value(), key);
    }

    @Test
    void aPreviewNamesThePhraseRunsNothingAndStoresNothingThenTheSameKeyConfirms() {
        WriteOutcome missing = submit("k-preview", Map.of("a", 1), null, created());
        WriteOutcome wrong = submit("k-preview", Map.of("a", 1), "Do the other thing", created());

        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.replayed()).isFalse();
        assertThat(missing.json()).isEqualTo("{\"status\":\"preview\",\"requiredConfirmation\":\"Do the thing\","
                + "\"reason\":\"confirmation_required\",\"thing\":\"t1\"}");
        assertThat(wrong.json()).contains("\"reason\":\"confirmation_mismatch\"");
        assertThat(executed).hasValue(0);
        assertThat(storedRows("k-preview")).isZero();

        WriteOutcome confirmed = submit("k-preview", Map.of("a", 1), " " + PHRASE + "\n", created());

        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(executed).hasValue(1);
    }

    @Test
    void aStoredAnswerIsReplayedBeforeTheUseCaseIsAskedAnything() {
        WriteOutcome first = submit("k-replay", Map.of("a", 1), PHRASE, created());
        WriteOutcome again = submit("k-replay", Map.of("a", 1), PHRASE, created());

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(prepared).hasValue(1);
        assertThat(executed).hasValue(1);
    }

    @Test
    void aUsedKeyWithAnotherRequestIsRefusedEvenWhenItWouldOnlyBeAPreview() {
        submit("k-reused", Map.of("a", 1), PHRASE, created());

        assertThatThrownBy(() -> submit("k-reused", Map.of("a", 2), null, created()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.code()).isEqualTo("idempotency_key_reused");
                });
        assertThat(prepared).hasValue(1);
    }

    @Test
    void anotherPreviewReasonIsOnlyGivenOnceThePhraseMatches() {
        Function<BillingWrite, ConfirmedAction> sandboxed = write -> ConfirmedAction.of(PHRASE, "nope", Map.of(),
                created()).previewEvenIfConfirmed(Optional.of("sandbox_secret_missing"));
        WriteOutcome mismatch = envelope.submit(caller, headers("k-sandbox"), WriteRequest.create("test.thing", 1),
                sandboxed);
        WriteOutcome kept = envelope.submit(caller, headers("k-sandbox"), WriteRequest.create("test.thing", 1),
                write -> ConfirmedAction.of(PHRASE, PHRASE, Map.of(), () -> {
                    executed.incrementAndGet();
                    return created().get();
                }).previewEvenIfConfirmed(Optional.of("sandbox_secret_missing")));

        assertThat(mismatch.json()).contains("\"reason\":\"confirmation_mismatch\"");
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json()).contains("\"reason\":\"sandbox_secret_missing\"");
        assertThat(executed).hasValue(0);
        assertThat(storedRows("k-sandbox")).isZero();
    }

    @Test
    void aRefusalWhilePreparingWinsOverThePreviewAndStoresNothing() {
        assertThatThrownBy(() -> envelope.submit(caller, headers("k-invalid"), WriteRequest.create("test.thing", 1),
                write -> {
                    throw ApiException.badRequest("invalid_field", "no");
                })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_field"));
        assertThat(storedRows("k-invalid")).isZero();
    }

    @Test
    void fiveHundredsAndThrownRefusalsAreNotStoredSoTheSameKeyRunsAgain() {
        WriteOutcome failed = submit("k-502", 1, PHRASE,
                () -> WriteResult.notRecorded(HttpStatus.BAD_GATEWAY, Map.of("error", "stripe")));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(storedRows("k-502")).isZero();

        assertThatThrownBy(() -> submit("k-502", 1, PHRASE, () -> {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale_state", "stale");
        })).isInstanceOf(ApiException.class);
        assertThat(storedRows("k-502")).isZero();

        WriteOutcome retried = submit("k-502", 1, PHRASE, created());
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.replayed()).isFalse();
        assertThat(executed).hasValue(3);
    }

    @Test
    void concurrentCopiesRunOnceAndAllAnswerTheFirstAnswer() throws Exception {
        int copies = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Future<WriteOutcome>> answers = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return submit("k-concurrent", 1, PHRASE, () -> {
                        sleep(300);
                        return WriteResult.done(HttpStatus.CREATED, Map.of("run", UUID.randomUUID().toString()));
                    });
                }));
            }
            start.countDown();
            List<WriteOutcome> outcomes = new ArrayList<>();
            for (Future<WriteOutcome> answer : answers) {
                outcomes.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(executed).hasValue(1);
            assertThat(outcomes).extracting(WriteOutcome::json).containsOnly(outcomes.get(0).json());
            assertThat(outcomes).filteredOn(o -> !o.replayed()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteToAnExistingRecordNeedsIfMatchAndItsVersionIsPartOfTheRequest() {
        assertThatThrownBy(() -> envelope.submit(caller, headers("k-record"), WriteRequest.onRecord("test.rec", 1),
                prepare(PHRASE, created())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("missing_if_match"));
        assertThat(prepared).hasValue(0);

        HttpHeaders v1 = headers("k-record");
        v1.add(HttpHeaders.IF_MATCH, "\"1\"");
        HttpHeaders v2 = headers("k-record");
        v2.add(HttpHeaders.IF_MATCH, "\"2\"");
        envelope.submit(caller, v1, WriteRequest.onRecord("test.rec", 1), prepare(PHRASE, created()));

        assertThatThrownBy(() -> envelope.submit(caller, v2, WriteRequest.onRecord("test.rec", 1),
                prepare(PHRASE, created())))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
    }

    private long refusalsOf(String correlation) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ? "
                        + "AND convert_from(payload, 'UTF8')::jsonb -> 'context' ->> 'correlationId' = ?",
                Long.class, BillingWriteRefused.class.getName(), correlation);
    }

    private static HttpHeaders headers(String key, String correlation) {
        HttpHeaders headers = headers(key);
        headers.set(BillingWriteEnvelope.CORRELATION_ID, correlation);
        return headers;
    }

    @Test
    void aRefusalTheActionAnsweredIsRecordedOnceAndItsStoredAnswerReplayedIsNot() {
        String correlation = "corr-answered-" + UUID.randomUUID();
        Supplier<WriteResult> taken = () -> WriteResult.done(HttpStatus.CONFLICT,
                ApiErrors.body("thing_taken", "The thing is taken."));

        WriteOutcome first = envelope.submit(caller, headers("k-taken", correlation),
                WriteRequest.create("test.thing", 1), prepare(PHRASE, taken));
        WriteOutcome again = envelope.submit(caller, headers("k-taken", correlation),
                WriteRequest.create("test.thing", 1), prepare(PHRASE, taken));

        assertThat(first.status()).isEqualTo(409);
        assertThat(again.replayed()).isTrue();
        assertThat(refusalsOf(correlation)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'code' FROM domain_event_entry "
                        + "WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb -> 'context' ->> "
                        + "'correlationId' = ?", String.class, BillingWriteRefused.class.getName(), correlation))
                .isEqualTo("thing_taken");
    }

    @Test
    void aRefusalThatCannotBeRecordedIsStillTheAnswer() {
        String correlation = "corr-unrecorded-" + UUID.randomUUID();
        int logMark = CapturedLogs.lines().size();
        Supplier<WriteResult> refuses = () -> {
            throw new ApiException(HttpStatus.CONFLICT, "thing_taken", "The thing is taken.");
        };

        // the day's stream refuses an action name that is not plain, so recording this refusal fails
        assertThatThrownBy(() -> envelope.submit(caller, headers("k-unrecorded", correlation),
                WriteRequest.create("Not A Plain Action", 1), prepare(PHRASE, refuses)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("thing_taken"));

        assertThat(refusalsOf(correlation)).isZero();
        assertThat(CapturedLogs.lines().subList(logMark, CapturedLogs.lines().size()))
                .anyMatch(line -> line.contains("Refused write thing_taken not recorded"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
