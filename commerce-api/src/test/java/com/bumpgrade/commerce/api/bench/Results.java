package com.bumpgrade.commerce.api.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/** What one run measured, filled phase by phase and printed by {@link Report}. */
final class Results {
    record Memory(String when, double rssMib, double peakMib) {
    }

    /**
     * Full speed in rounds: acknowledged webhooks per second of each, their ack latency together, events in the store
     * before the first, and the most of the machine other processes used in any round ({@link CpuShare}).
     */
    record FullSpeed(List<Double> rounds, Histogram ack, long storeEvents, double othersPercent) {
        /** The median round: one round that a neighbour's build slowed counts no more than any other. */
        double perSecond() {
            List<Double> sorted = rounds.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        String roundList() {
            return String.join(", ", rounds.stream().map(r -> String.format("%.0f", r)).toList());
        }
    }

    final Options options;
    String environment;
    PostgresBaseline.Result baseline;
    AckFloors.Result floors;
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
