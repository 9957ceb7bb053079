package org.redress;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No class grows past what one reader can hold: every source file of the application is 500 lines or fewer (ADR 20). */
class SourceSizeTest {

    static final int MOST_LINES = 500;

    @Test
    void noSourceFileOfTheApplicationIsOverFiveHundredLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > MOST_LINES)
                    .map(f -> f + " (" + lines(f) + " lines)").sorted().toList();
        }
        assertThat(tooLong).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
