package com.bumpgrade.commerce.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of the machine processes other than the benchmark's own used during a phase. The machine is shared, so
 * a figure taken while another build ran is lower for that reason alone; this says when. Own processes: this JVM,
 * the service JVM and the PostgreSQL backends connected to the benchmark's database; everything else the kernel
 * counts as busy (other programs, PostgreSQL's background writers) is "other".
 */
final class CpuShare {
    private final List<Long> own = new ArrayList<>();
    private final long busyAtStart;
    private final long ownAtStart;
    private final long startNanos = System.nanoTime();

    private CpuShare(long servicePid, Connection db) throws Exception {
        own.add(ProcessHandle.current().pid());
        own.add(servicePid);
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                own.add(rs.getLong(1));
            }
        }
        busyAtStart = machineBusy();
        ownAtStart = ownTicks();
    }

    static CpuShare start(long servicePid, Connection db) throws Exception {
        return new CpuShare(servicePid, db);
    }

    /** Percent of all cores that other processes kept busy since the start. */
    double othersPercent() throws IOException {
        double others = (machineBusy() - busyAtStart) - (ownTicks() - ownAtStart);
        double available = (System.nanoTime() - startNanos) / 1e9 * 100 * Runtime.getRuntime().availableProcessors();
        return Math.max(0, 100 * others / available); // clock ticks are 1/100 s on Linux
    }

    /** user + nice + system + irq + softirq + steal of all cores, in clock ticks (/proc/stat). */
    private static long machineBusy() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(cpu[field]);
        }
        return busy;
    }

    private long ownTicks() {
        long ticks = 0;
        for (long pid : own) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                // the backend has gone; its ticks count as other
            }
        }
        return ticks;
    }
}
