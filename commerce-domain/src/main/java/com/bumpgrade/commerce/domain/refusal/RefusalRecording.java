package com.bumpgrade.commerce.domain.refusal;

/** What became of a refusal sent to its day's stream. */
public enum RefusalRecording {
    RECORDED,
    /** The same caller's refusal of the same action with the same key and code is already on the stream. */
    ALREADY_RECORDED,
    /** The day's stream holds {@link RefusedWrites#MAX_PER_DAY} refusals; later ones stay in the access log. */
    LIMIT_REACHED
}
