package com.bumpgrade.commerce.api.reaction;

import com.bumpgrade.commerce.api.deadletter.DeadLetterAttempts;
import com.bumpgrade.commerce.api.webhook.WebhookProperties;
import com.bumpgrade.commerce.projections.shared.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** When a letter's retry interval has passed and attempts remain, it is retried; otherwise it stays parked. */
class RetryDeadLettersTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final WebhookProperties PROPERTIES =
            new WebhookProperties(3, Duration.ofSeconds(10), Duration.ofMinutes(5));

    /** A queue of letters; processing one takes the first that the filter accepts, as Axon's does. */
    private static final class FakeQueue implements SequencedDeadLetterProcessor<EventMessage<?>> {
        final List<DeadLetter<EventMessage<?>>> parked = new ArrayList<>();
        final List<DeadLetter<EventMessage<?>>> retried = new ArrayList<>();

        @Override
        public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> filter) {
            for (DeadLetter<EventMessage<?>> letter : parked) {
                if (filter.test(letter)) {
                    parked.remove(letter);
                    retried.add(letter);
                    return true;
                }
            }
            return false;
        }
    }

    private static DeadLetter<EventMessage<?>> letter(int attempts, Instant lastTouched) {
        return new GenericDeadLetter<>("chk_1", GenericEventMessage.asEventMessage("paid"), null, lastTouched,
                lastTouched, MetaData.with(DeadLetterAttempts.RETRIES, attempts));
    }

    @Test
    void dueLettersWithAttemptsLeftAreRetriedOthersStayParked() {
        FakeQueue queue = new FakeQueue();
        DeadLetter<EventMessage<?>> due = letter(1, NOW.minusSeconds(11));
        DeadLetter<EventMessage<?>> alsoDue = letter(2, NOW.minusSeconds(10));
        DeadLetter<EventMessage<?>> tooRecent = letter(1, NOW.minusSeconds(9));
        DeadLetter<EventMessage<?>> exhausted = letter(3, NOW.minusSeconds(60));
        queue.parked.addAll(List.of(tooRecent, due, exhausted, alsoDue));
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of(ProcessingGroups.REACTIONS, mock(
                org.axonframework.eventhandling.EventProcessor.class)));
        when(processing.sequencedDeadLetterProcessor(ProcessingGroups.REACTIONS)).thenReturn(Optional.of(queue));

        new RetryDeadLetters(processing, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC)).retryDue();

        assertThat(queue.retried).containsExactly(due, alsoDue);
        assertThat(queue.parked).containsExactly(tooRecent, exhausted);
    }
}
