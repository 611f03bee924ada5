package com.bumpgrade.commerce.api.reaction.stripe;

import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The owners as the event store has them: the publisher in the intent's first event. Read from the event store
 * rather than a read model, because the intent is stored before Stripe is ever called and a projection may lag or
 * be replaying.
 */
@Component
class EventStoreCheckoutIntentOwners implements CheckoutIntentOwners {
    private final EventStore events;

    EventStoreCheckoutIntentOwners(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<PublisherId> publisherOf(String checkoutIntentId) {
        if (checkoutIntentId == null) {
            return Optional.empty();
        }
        // from sequence 0: a snapshot would come first otherwise
        DomainEventStream stream = events.readEvents(checkoutIntentId, 0L);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        return stream.next().getPayload() instanceof CheckoutStarted started
                ? Optional.of(started.publisherId()) : Optional.empty();
    }
}
