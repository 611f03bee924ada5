package com.bumpgrade.commerce.domain.webhook;

import java.util.Locale;

/** How the translation of one Stripe event ended. Failures in flight are shown from the dead-letter queue. */
public enum EvidenceOutcome {
    /** It changed trusted state. */
    PROCESSED,
    /** Kept as evidence only: unverified, a type Bumpgrade does not handle, or nothing left to change. */
    IGNORED,
    /** About an object Bumpgrade never created. */
    UNMATCHED,
    /** Verified, but its facts contradict the intent (amount, currency, mode, livemode). */
    REJECTED;

    public String publicName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
