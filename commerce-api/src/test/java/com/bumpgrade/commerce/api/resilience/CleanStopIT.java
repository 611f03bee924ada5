package com.bumpgrade.commerce.api.resilience;

import com.bumpgrade.commerce.api.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's embedded default (demo profile, its own PostgreSQL) stopped the way Ctrl-C or a container runtime
 * stops it: the event processors release their claims and stop before PostgreSQL does, so the log holds no
 * stack trace and no connection error, and no PostgreSQL process outlives the service.
 */
class CleanStopIT {

    @Test
    void sigtermStopsTheEmbeddedDefaultWithoutAStackTrace(@TempDir Path dataDir) throws Exception {
        String name = "clean-stop-" + ProcessHandle.current().pid();
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.freePort(), Map.of(
                "spring.profiles.active", "demo",
                "bumpgrade.embedded-postgres.data-dir", dataDir.resolve("postgres").toString()));
        // time for every processor to claim its segments and for the pool to fill
        Thread.sleep(3_000);

        int exit = service.stop();

        List<String> log = Files.readAllLines(service.log());
        assertThat(log).as("the service started on the embedded PostgreSQL")
                .anyMatch(line -> line.contains("Embedded PostgreSQL started"));
        // pg_ctl's own "server stopped" line can be cut off by the exit; zonky's close() logs its own line
        assertThat(log).as("PostgreSQL was stopped by the service, last")
                .anyMatch(line -> line.contains("server stopped") || line.contains("shut down postmaster"));
        assertThat(log).as("stack trace lines").noneMatch(line -> line.matches("\\s+at \\S+\\(.*\\)"));
        assertThat(log).as("errors and connection failures")
                .noneMatch(line -> line.contains(" ERROR ") || line.contains("Exception")
                        || line.contains("Failed to validate connection"));
        assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .map(command -> command.contains(dataDir.toString())).orElse(false)).count())
                .as("PostgreSQL processes left running on the data directory").isZero();
    }
}
