package com.bumpgrade.commerce.api.bench;

/**
 * The benchmark's options, all system properties (defaults in brackets): {@code bench.events} [2000] webhooks per
 * measured phase, {@code bench.rounds} [3] full-speed rounds of them per store size (the median counts; processors
 * drain between rounds), {@code bench.concurrency} [16] client threads at full speed, {@code bench.warmup} [300] warm-up
 * checkouts and webhooks per service start, {@code bench.checkouts} [500] measured checkouts (each read back at
 * once), {@code bench.checkoutConcurrency} [4] their clients,
 * {@code bench.idleSamples} [100] webhooks sent one at a time to an idle service, {@code bench.idlePauseMillis}
 * [500] the pause after each of them, {@code bench.baselineSeconds} [5] per client count of the PostgreSQL baseline,
 * {@code bench.storeEvents} [1000000] events in the store for the last phase (0 skips it), {@code bench.loadThreads}
 * [2] COPY streams that load them.
 */
record Options(int events, int rounds, int concurrency, int warmup, int checkouts, int checkoutConcurrency, int idleSamples, long idlePauseMillis,
               int baselineSeconds, long storeEvents, int loadThreads) {

    static Options fromSystemProperties() {
        return new Options(Integer.getInteger("bench.events", 2000), Integer.getInteger("bench.rounds", 3),
                Integer.getInteger("bench.concurrency", 16),
                Integer.getInteger("bench.warmup", 300), Integer.getInteger("bench.checkouts", 500),
                Integer.getInteger("bench.checkoutConcurrency", 4),
                Integer.getInteger("bench.idleSamples", 100), Long.getLong("bench.idlePauseMillis", 500),
                Integer.getInteger("bench.baselineSeconds", 5), Long.getLong("bench.storeEvents", 1_000_000),
                Integer.getInteger("bench.loadThreads", 2));
    }

    /** Intents the webhooks of the full-speed rounds pay. */
    int fullSpeedIntents() {
        return rounds * events;
    }

    /** Intents the webhook phases pay: one per webhook of the full-speed rounds, the half rate and the idle samples. */
    int webhookIntents() {
        return fullSpeedIntents() + events + idleSamples;
    }
}
