package com.bumpgrade.commerce.api.webhook;

import com.bumpgrade.commerce.domain.checkout.CheckoutStarted;
import com.bumpgrade.commerce.domain.shared.PublisherId;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Whose checkout intent is this, by Bumpgrade's own record: the publisher in the intent's first event. Webhook
 * evidence is attributed only this way, never by a publisher id in Stripe metadata, which anyone with access to
 * the Stripe account (or a forged but validly signed payload) could set. Read from the event store rather than a
 * read model, because the intent is stored before Stripe is ever called and a projection may lag or be replaying.
 */
@Component
class CheckoutIntentOwners {
    private final EventStore events;

    CheckoutIntentOwners(EventStore events) {
        this.events = events;
    }

    Optional<PublisherId> publisherOf(String checkoutIntentId) {
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
