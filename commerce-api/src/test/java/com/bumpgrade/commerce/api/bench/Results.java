package com.bumpgrade.commerce.api.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/** What one run measured, filled phase by phase and printed by {@link Report}. */
final class Results {
    record Memory(String when, double rssMib, double peakMib) {
    }

    /**
     * One full-speed run: acknowledged webhooks per second, ack latency, events in the store when it started, and
     * the machine's 1-minute load average right after it (the machine is shared: a high one explains a low figure).
     */
    record FullSpeed(double perSecond, Histogram ack, long storeEvents, String loadAverage) {
    }

    final Options options;
    String environment;
    PostgresBaseline.Result baseline;
    Checkouts.Result checkouts;
    int idleSamples;
    Histogram idleFromAck;
    Histogram idleFromSend;
    FullSpeed empty;
    double halfRate;
    Histogram halfAck;
    Histogram halfPaidFromAck;
    Histogram halfPaidFromDue;
    int halfVisible;
    StoreFiller.Result filled;
    FullSpeed full;
    final List<Memory> memory = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Results(Options options) {
        this.options = options;
    }

    void memory(String when, long pid) {
        double[] mib = Db.memoryMib(pid);
        memory.add(new Memory(when, mib[0], mib[1]));
        Progress.say("service RSS %s: %.0f MiB (peak %.0f MiB)", when, mib[0], mib[1]);
    }

    void drained(double seconds, String after) {
        if (seconds < 0) {
            warnings.add("processors had not drained after " + after + "; the next phase started with a backlog");
        }
    }
}
