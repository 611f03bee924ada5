package com.bumpgrade.commerce.api.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * The event source of the pooled processors: the event store, plus a wake-up when events arrive (decision D55).
 *
 * <p>Why: a pooled processor's coordinator whose stream cannot announce new events re-polls it every 500 ms
 * (Axon's {@code Coordinator}, "no availability callback"), and the JDBC store's streams cannot. Each idle hop of
 * a webhook (evidence → reactions → CheckoutPaid → read models) then waited up to half a second. Here one thread
 * tails the store (the embedded store shares one fetch among all tailing streams, and is woken at once by a local
 * commit) and, whenever something arrives, calls every coordinator's callback; the coordinator then reads its own
 * stream at once. Events of other instances arrive with the store's fetch, as before. If the watcher fails, the
 * coordinators still look at their streams at every claim interval; so the watcher's lifecycle phase does not
 * matter either: a callback registered before it runs is called once it does.
 */
public class EventArrivalSignal implements StreamableMessageSource<TrackedEventMessage<?>>, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventArrivalSignal.class);

    private final EventStore store;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private volatile Thread watcher;

    public EventArrivalSignal(EventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new SignalledStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** How many open streams would be told now: one per running coordinator. */
    int listeners() {
        return callbacks.size();
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::watch, "event-arrival-signal");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    private void watch() {
        while (watcher == Thread.currentThread()) {
            try (BlockingStream<? extends TrackedEventMessage<?>> arrivals = store.openStream(store.createHeadToken())) {
                while (watcher == Thread.currentThread()) {
                    if (arrivals.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (arrivals.hasNextAvailable()) {
                            arrivals.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException failure) {
                // the coordinators fall back to their claim interval meanwhile
                log.warn("Event arrival watcher failed, reopening in 1 s: {}", failure.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /** A coordinator's stream: the store's own, able to register the coordinator's wake-up. */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        @SuppressWarnings({"unchecked", "rawtypes"})
        SignalledStream(BlockingStream<? extends TrackedEventMessage<?>> delegate) {
            this.delegate = (BlockingStream) delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
