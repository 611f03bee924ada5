package com.bumpgrade.commerce.api.config;

import com.bumpgrade.commerce.api.support.WebhookTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processors' event source tells a coordinator when events arrive (D55), instead of leaving it to re-poll
 * every 500 ms; a closed stream is no longer told.
 */
class EventArrivalSignalTest extends WebhookTest {

    @Autowired
    EventArrivalSignal arrivals;

    @Test
    void everyProcessingGroupReadsThroughTheSignal() {
        // reactions, read-models and audit-trail: one coordinator stream each (Axon's default source is the store)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(arrivals.listeners()).isEqualTo(3));
    }

    @Test
    void aStreamIsToldWhenAnEventArrivesAndThenHasIt() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(arrivals.createHeadToken())) {
            CountDownLatch told = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(told::countDown)).isTrue();

            openIntent();

            assertThat(told.await(10, TimeUnit.SECONDS)).as("told of the new event").isTrue();
            assertThat(stream.hasNextAvailable()).as("the event is readable once told").isTrue();
        }
    }

    @Test
    void aClosedStreamIsNoLongerTold() throws Exception {
        AtomicInteger toldClosed = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = arrivals.openStream(arrivals.createHeadToken());
        closed.setOnAvailableCallback(toldClosed::incrementAndGet);
        closed.close();

        try (BlockingStream<TrackedEventMessage<?>> open = arrivals.openStream(arrivals.createHeadToken())) {
            CountDownLatch told = new CountDownLatch(1);
            open.setOnAvailableCallback(told::countDown);
            openIntent();
            assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(toldClosed).hasValue(0);
    }
}
