package com.bumpgrade.commerce.api.redaction;

import com.bumpgrade.commerce.projections.support.TestDatabase;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the {@link RedactionScan} once every test of the suite has run, in the same JVM (the response bodies and
 * log lines it scans are kept in memory), and writes its findings to the report file that surefire names in
 * {@code bumpgrade.redaction-scan.report}. A listener cannot fail the build, so {@link RedactionScanVerdictTest}
 * reads the report in a second surefire execution and fails there. Idle without the property (IDE, failsafe).
 */
public class RedactionScanListener implements TestExecutionListener {
    static final String REPORT = "bumpgrade.redaction-scan.report";
    static final String SCANNED = "scanned";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Path report = report();
        if (report != null) {
            try {
                // a report left by an earlier run must never pass for this one
                Files.deleteIfExists(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Path report = report();
        if (report == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        try {
            TestDatabase.Database database = TestDatabase.inUse().orElse(null);
            if (database == null) {
                lines.add("not scanned: no service test ran");
            } else {
                lines.add(SCANNED);
                lines.addAll(new RedactionScan(new JdbcTemplate(new DriverManagerDataSource(database.url(),
                        database.username(), database.password()))).run());
            }
        } catch (RuntimeException e) {
            lines.add("scan failed: " + e);
        }
        try {
            Files.createDirectories(report.getParent());
            Files.write(report, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path report() {
        String path = System.getProperty(REPORT);
        return path == null || path.isBlank() ? null : Path.of(path);
    }
}
