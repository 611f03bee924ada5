package com.bumpgrade.commerce.api.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A class that one can read top to bottom: no main source file of any module is over 300 lines. */
class SourceSizeTest {
    private static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsOverThreeHundredLines() throws IOException {
        // surefire runs in the module's directory; the other modules are its siblings
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root)) {
            sources = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(SourceSizeTest::javaFiles).toList();
        }
        assertThat(sources).as("main sources found").hasSizeGreaterThan(100);
        assertThat(sources).filteredOn(file -> lines(file) > MAX_LINES)
                .as("files over " + MAX_LINES + " lines").isEmpty();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
