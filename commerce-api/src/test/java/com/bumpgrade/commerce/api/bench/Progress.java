package com.bumpgrade.commerce.api.bench;

/** Progress lines while the benchmark runs, with the time since it started; the report comes at the end. */
final class Progress {
    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.printf("[bench %6.1f s] %s%n", (System.nanoTime() - START) / 1e9, String.format(format, args));
    }

    static double elapsedSeconds() {
        return (System.nanoTime() - START) / 1e9;
    }
}
