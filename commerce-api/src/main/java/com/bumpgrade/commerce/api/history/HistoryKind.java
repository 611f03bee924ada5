package com.bumpgrade.commerce.api.history;

import com.bumpgrade.commerce.domain.shared.PublisherId;

import java.util.Map;
import java.util.Optional;

/**
 * One kind of record whose history can be read from the event store: it knows its route segment, its ids, who owns
 * a record, and how to tell each of its events in public terms. A new kind is one more bean (and its route), and
 * {@link HistoryReader} does the rest.
 */
public interface HistoryKind {
    /** The route segment under /api/commerce, such as {@code checkout-intents}. */
    String segment();

    /** The record's name in answers, as the audit trail names its subjects: {@code checkout_intent}. */
    String record();

    /** Whether the id has this kind's form; any other answers as missing. */
    boolean isWellFormed(String id);

    /** The publisher of the record, named by its first event; empty when that event is not this kind's. */
    Optional<PublisherId> ownerOf(Object firstEvent);

    /**
     * The event in public terms, given the record's public state before it (read-only). The changes are the new
     * values of the public fields it changed; the state after it is the state before with the changes on top.
     */
    HistoryStep step(Object event, Map<String, Object> before);
}
