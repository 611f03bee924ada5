package com.bumpgrade.commerce.api.bench;

import com.bumpgrade.commerce.api.config.StorageSerializer;
import com.bumpgrade.commerce.api.support.ApiClient;
import com.bumpgrade.commerce.api.support.FakeStripe;
import com.bumpgrade.commerce.api.support.ServiceProcess;
import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.HdrHistogram.Histogram;
import org.axonframework.serialization.Serializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The one benchmark command of issue 8 (docs/performance.md): in one run, against one PostgreSQL, it starts the
 * packaged service as a separate JVM with a fresh database of its own and a local fake Stripe, and measures
 * <ol>
 *   <li>after a warm-up, with the processors drained: PostgreSQL's own single-row insert transactions of an event
 *       row ({@link PostgresBaseline});</li>
 *   <li>acknowledged webhooks per second at full speed, and the ratio to the baseline ({@link Webhooks});</li>
 *   <li>at half that rate, open loop: ack latency from each webhook's due time, and {@code paid} visible in the
 *       {@code GET} ({@link PaidWatcher});</li>
 *   <li>confirmed checkouts ({@code 201} latency) and whether the {@code GET} right after each shows it
 *       ({@link Checkouts});</li>
 *   <li>on the idle service, one webhook at a time: the time until {@code paid} shows in the {@code GET};</li>
 *   <li>the service's RSS; then, with the service stopped, the store is filled to a million events
 *       ({@link StoreFiller}), the service started again, warmed up the same way, and the full-speed figure
 *       taken once more.</li>
 * </ol>
 * The processors drain between phases ({@link Drain}). Options: {@link Options}.
 */
public final class WebhookBenchmark {
    static final String TOKEN = "bench-agent-token";

    private final Options options = Options.fromSystemProperties();
    private final Results results = new Results(options);
    private final FakeStripe stripe = FakeStripe.shared();
    private final TestDatabase.Database database = TestDatabase.get();
    private final Serializer serializer = StorageSerializer.create();
    private final Map<String, String> properties = ServiceProcess.testProperties(database, stripe, TOKEN,
            "bench-agent");

    private WebhookBenchmark() {
        properties.put("logging.level.root", "warn");
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            WebhookBenchmark benchmark = new WebhookBenchmark();
            benchmark.run();
            System.out.println();
            System.out.print(Report.of(benchmark.results));
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the fake Stripe's server threads would keep the JVM alive; exiting drops the database
    }

    private void run() throws Exception {
        try (Connection db = Db.connect(database)) {
            results.environment = environment(db);
            Progress.say("%s", results.environment);
            try (ServiceProcess service = ServiceProcess.start("bench-service", ServiceProcess.freePort(), properties)) {
                smallStore(service, db);
                service.stop();
            }
            if (options.storeEvents() > 0) {
                results.filled = StoreFiller.fill(database, serializer, options.storeEvents(), options.loadThreads());
                try (ServiceProcess service = ServiceProcess.start("bench-service-store", ServiceProcess.freePort(),
                        properties)) {
                    ApiClient api = new ApiClient(service.port());
                    Webhooks webhooks = new Webhooks(api, stripe);
                    warmUp(api, webhooks, db);
                    List<String> intents = Checkouts.open(api, options.fullSpeedIntents(), 8, false).intents();
                    drain(db, "opening the store phase's intents");
                    results.full = fullSpeed(webhooks, intents, db, service);
                    service.stop();
                }
            }
        }
    }

    private void smallStore(ServiceProcess service, Connection db) throws Exception {
        ApiClient api = new ApiClient(service.port());
        Webhooks webhooks = new Webhooks(api, stripe);
        warmUp(api, webhooks, db);
        results.baseline = PostgresBaseline.measure(database, options.baselineSeconds());
        List<String> intents = Checkouts.open(api, options.webhookIntents(), 8, false).intents();
        drain(db, "opening the intents");
        int full = options.fullSpeedIntents();
        results.floors = AckFloors.measure(database, webhooks, intents.subList(0, full), options.concurrency(),
                options.baselineSeconds(), service.pid(), db);
        List<String> half = intents.subList(full, full + options.events());
        List<String> idle = intents.subList(full + options.events(), intents.size());

        results.empty = fullSpeed(webhooks, intents.subList(0, full), db, service);
        try (PaidWatcher watcher = new PaidWatcher(api, database)) {
            results.halfRate = results.empty.perSecond() / 2;
            results.halfAck = Webhooks.histogram();
            Progress.say("half rate: %d webhooks at %.1f/s", half.size(), results.halfRate);
            webhooks.fixedRate(half, results.halfRate, results.halfAck, watcher);
            if (!watcher.awaitVisible(half, Duration.ofMinutes(2))) {
                results.warnings.add("not every half-rate checkout became visibly paid within 2 minutes");
            }
            results.halfVisible = watcher.visibleCount(half);
            results.halfPaidFromAck = watcher.fromAck(half);
            results.halfPaidFromDue = watcher.fromDue(half);
            results.memory("after half rate", service.pid());
            drain(db, "half rate");

            results.checkouts = Checkouts.open(api, options.checkouts(), options.checkoutConcurrency(), true);
            Progress.say("%d confirmed checkouts read back at %.0f/s, %d stale reads", options.checkouts(),
                    results.checkouts.perSecond(), results.checkouts.staleReads());
            drain(db, "the checkouts");
            idle(webhooks, watcher, idle);
            drain(db, "the idle samples");
            results.memory("idle at the end", service.pid());
        }
    }

    /** Checkouts and webhooks at full speed, untimed: the service's JIT, pools and caches warm up. */
    private void warmUp(ApiClient api, Webhooks webhooks, Connection db) throws Exception {
        List<String> intents = Checkouts.open(api, options.warmup(), 8, false).intents();
        webhooks.fullSpeed(intents, options.concurrency(), Webhooks.histogram());
        Progress.say("warmed up: %d checkouts and webhooks", intents.size());
        drain(db, "the warm-up");
    }

    private void idle(Webhooks webhooks, PaidWatcher watcher, List<String> intents) throws Exception {
        Progress.say("idle service: %d webhooks one at a time, %d ms apart", intents.size(), options.idlePauseMillis());
        for (String intent : intents) {
            String payload = webhooks.payload(intent);
            watcher.watch(intent, System.nanoTime());
            webhooks.sendAcknowledged(payload);
            watcher.acknowledged(intent, System.nanoTime());
            if (!watcher.awaitVisible(List.of(intent), Duration.ofSeconds(30))) {
                results.warnings.add("idle sample " + intent + " not visibly paid within 30 s");
            }
            Thread.sleep(options.idlePauseMillis());
        }
        results.idleSamples = watcher.visibleCount(intents);
        results.idleFromAck = watcher.fromAck(intents);
        results.idleFromSend = watcher.fromDue(intents);
    }

    /**
     * Full-speed rounds, the processors drained after each. Both store sizes are measured the same way: right after
     * a service start, its warm-up and the opening of the intents.
     */
    private Results.FullSpeed fullSpeed(Webhooks webhooks, List<String> intents, Connection db,
                                        ServiceProcess service) throws Exception {
        long storeEvents = Db.queryLong(db, "SELECT count(*) FROM domain_event_entry");
        Histogram ack = Webhooks.histogram();
        List<Double> rounds = new java.util.ArrayList<>();
        double others = 0;
        for (int round = 0; round < options.rounds(); round++) {
            CpuShare cpu = CpuShare.start(service.pid(), db);
            rounds.add(webhooks.fullSpeed(intents.subList(round * options.events(), (round + 1) * options.events()),
                    options.concurrency(), ack));
            others = Math.max(others, cpu.othersPercent());
            Progress.say("full speed round %d: %d webhooks acknowledged at %.1f/s (others %.0f%% CPU)", round + 1,
                    options.events(), rounds.get(round), cpu.othersPercent());
            if (round == 0) {
                results.memory(String.format("after full speed with %,d events", storeEvents), service.pid());
            }
            drain(db, "full speed round " + (round + 1));
        }
        return new Results.FullSpeed(rounds, ack, storeEvents, others);
    }

    private void drain(Connection db, String after) throws Exception {
        results.drained(Drain.await(db, serializer, after), after);
    }

    private static String environment(Connection db) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memKb = Long.parseLong(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", ""));
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        return String.format("%s, %d cores (%s), %.0f GiB RAM, load average %s at start; PostgreSQL %s, %s "
                        + "(synchronous_commit %s); client, fake Stripe, service and PostgreSQL share the machine",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), cpu,
                memKb / 1048576.0, load, Db.queryString(db, "SHOW server_version"), TestDatabase.get().kind(),
                Db.queryString(db, "SHOW synchronous_commit"));
    }
}
