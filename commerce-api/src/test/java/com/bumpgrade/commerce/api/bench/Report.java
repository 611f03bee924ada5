package com.bumpgrade.commerce.api.bench;

import org.HdrHistogram.Histogram;

import java.util.stream.Collectors;

/** The benchmark's printed report: each figure next to its goal from issue 8, and whether it is met. */
final class Report {
    private final StringBuilder text = new StringBuilder();

    private Report() {
    }

    static String of(Results r) {
        Report report = new Report();
        report.write(r);
        return report.text.toString();
    }

    private void write(Results r) {
        Options o = r.options;
        line("Bumpgrade benchmark: %s", r.environment);
        line("options: %d webhooks per phase (full speed: %d rounds of them), %d clients at full speed, %d warm-up "
                + "per service start, %d checkouts by %d clients, %d idle samples %d ms apart, %,d events for the store "
                + "phase", o.events(), o.rounds(), o.concurrency(), o.warmup(), o.checkouts(), o.checkoutConcurrency(),
                o.idleSamples(), o.idlePauseMillis(), o.storeEvents());
        line("");
        PostgresBaseline.Result b = r.baseline;
        line("PostgreSQL baseline, single-row INSERT transactions of an event row (%d B payload + %d B metadata, "
                + "domain_event_entry's shape and indexes), JDBC, service idle:", b.payloadBytes(), b.metaDataBytes());
        row("  " + b.ratePerClients().entrySet().stream().map(e -> String.format("%d client%s %.0f/s", e.getKey(),
                e.getKey() == 1 ? "" : "s", e.getValue())).collect(Collectors.joining(", ")) + "; best",
                String.format("%.0f/s", b.best()), "", null);
        row(String.format("webhooks acknowledged, full speed, %d clients, %,d events in store", o.concurrency(),
                r.empty.storeEvents()), String.format("%.1f/s", r.empty.perSecond()), "", null);
        rounds(r.empty);
        row("  ack latency p50 / p99", ms(r.empty.ack()), "", null);
        double ratio = r.empty.perSecond() / b.best();
        row("  ratio to the PostgreSQL baseline", String.format("%.2fx", ratio), ">= 0.5x", ratio >= 0.5);
        floors(r.floors, b.best(), r.empty.perSecond());
        row(String.format("half rate, %.1f webhooks/s open loop: ack from due time p50 / p99", r.halfRate),
                ms(r.halfAck), "p99 <= 50 ms", p99(r.halfAck) <= 50);
        row(String.format("  2xx -> paid visible in GET, p50 / p99 (%d of %d)", r.halfVisible, o.events()),
                ms(r.halfPaidFromAck), "p99 <= 250 ms", p99(r.halfPaidFromAck) <= 250 && r.halfVisible == o.events());
        row("  due time -> paid visible in GET, p50 / p99", ms(r.halfPaidFromDue), "", null);
        row(String.format("idle service, %d webhooks one at a time: 2xx -> paid visible in GET", r.idleSamples),
                ms(r.idleFromAck), "p99 <= 100 ms", p99(r.idleFromAck) <= 100 && r.idleSamples == o.idleSamples());
        row("  send -> paid visible in GET, p50 / p99", ms(r.idleFromSend), "", null);
        row(String.format("confirmed checkout 201, instant fake Stripe, %d clients, each then a GET (%.0f/s)",
                o.checkoutConcurrency(), r.checkouts.perSecond()), ms(r.checkouts.created()), "", null);
        row("  GET right after each 201 shows its status and version: stale reads",
                String.format("%d of %d", r.checkouts.staleReads(), r.checkouts.intents().size()), "0",
                r.checkouts.staleReads() == 0);
        line("service RSS (VmRSS, peak VmHWM; -Xmx512m): %s", r.memory.stream().map(m -> String.format(
                "%s %.0f MiB (peak %.0f)", m.when(), m.rssMib(), m.peakMib())).collect(Collectors.joining(", ")));
        if (r.filled != null) {
            StoreFiller.Result f = r.filled;
            line("store phase: %,d events written by binary COPY in %.0f s (+ %.0f s verify, vacuum, checkpoint, "
                    + "tokens), %,d events in store; each purchase: %s", f.written(), f.loadSeconds(),
                    f.settleSeconds(), f.storeEvents(), f.template());
            row(String.format("webhooks acknowledged, full speed, %d clients, %,d events in store", o.concurrency(),
                    r.full.storeEvents()), String.format("%.1f/s", r.full.perSecond()), "", null);
            rounds(r.full);
            row("  ack latency p50 / p99", ms(r.full.ack()), "", null);
            double kept = r.full.perSecond() / r.empty.perSecond();
            row("  relative to the small store", String.format("%.2fx", kept), ">= 0.9x", kept >= 0.9);
            row("  ratio to the PostgreSQL baseline", String.format("%.2fx", r.full.perSecond() / b.best()), "", null);
        }
        r.warnings.forEach(w -> line("WARNING: %s", w));
        line("run time %.0f s", Progress.elapsedSeconds());
    }

    /** The two halves of an ack measured apart, and the most the machine allows for both together. */
    private void floors(AckFloors.Result f, double baseline, double acked) {
        line("  the ack's two halves, measured apart with the service idle (AckFloors):");
        row(String.format("    HTTP half: the same webhooks refused at the signature check, %d clients (p50 / p99 %s)",
                f.httpClients(), ms(f.httpLatency())), String.format("%.0f/s", f.httpPerSecond()), "", null);
        row("    database half: PostgreSQL alone, delivery row + evidence event, one commit; "
                + f.databasePerClients().entrySet().stream().map(e -> String.format("%d: %.0f", e.getKey(),
                e.getValue())).collect(Collectors.joining(", ")) + "; best",
                String.format("%.0f/s", f.databaseBest()), "", null);
        row(String.format("    both on these cores at most (1 / (1/http + 1/db)), other processes %.0f%%",
                f.cpuOthersPercent()), String.format("%.0f/s", f.together()), "", null);
        row("    that ceiling's ratio to the PostgreSQL baseline", String.format("%.2fx", f.together() / baseline),
                ">= 0.5x", f.together() / baseline >= 0.5);
        row("    the acknowledged rate's share of that ceiling", String.format("%.2fx", acked / f.together()), "",
                null);
    }

    private void rounds(Results.FullSpeed speed) {
        line("  median of %d rounds of %,d: %s/s; other processes used at most %.0f%% of the machine in a round",
                speed.rounds().size(), speed.ack().getTotalCount() / speed.rounds().size(), speed.roundList(),
                speed.othersPercent());
    }

    private static double p99(Histogram histogram) {
        return histogram.getValueAtPercentile(99) / 1e6;
    }

    private static String ms(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("%.1f / %.1f ms", histogram.getValueAtPercentile(50) / 1e6, p99(histogram));
    }

    private void row(String label, String measured, String goal, Boolean met) {
        line("%-78s %18s  %-14s %s", label, measured, goal, met == null ? "" : met ? "met" : "MISSED");
    }

    private void line(String format, Object... args) {
        text.append(String.format(format, args).stripTrailing()).append('\n');
    }
}
