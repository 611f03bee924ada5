package com.bumpgrade.commerce.api.redaction;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fails the build on what {@link RedactionScanListener} found after the suite. Runs alone in the surefire
 * execution {@code redaction-verdict} (profile of the same name, off for -Dtest runs), after the suite's own;
 * that execution names the report in {@code bumpgrade.redaction-scan.verdict}. Anywhere else it is skipped.
 */
class RedactionScanVerdictTest {

    @Test
    void theSuiteLeftNoRawStripeValueNorPortalReference() throws IOException {
        String path = System.getProperty("bumpgrade.redaction-scan.verdict");
        assumeTrue(path != null && !path.isBlank(), "only in the redaction-verdict execution");
        Path report = Path.of(path);

        assertThat(report).as("the redaction scan's report: did the suite run?").exists();
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).as("the redaction scan ran").first().isEqualTo(RedactionScanListener.SCANNED);
        assertThat(lines.subList(1, lines.size())).as("redaction findings").isEmpty();
    }
}
