package org.redress.reporting;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reporting.md states every measure's definition word for word, so the document and the figures cannot drift. */
class ReportingDocsTest {

    static String row(Measure m) {
        return "| `" + m.id() + "` | " + m.title() + " | " + m.definition() + " | " + String.join(", ", m.cites()) + " |";
    }

    @Test
    void theReportingDocumentGivesEveryMeasureItsDefinitionAsTheCodeDoes() throws IOException {
        String doc = Files.readString(Path.of("docs/reporting.md"));
        StringBuilder expected = new StringBuilder();
        for (Measure m : Measures.ALL) {
            expected.append(row(m)).append('\n');
        }
        for (Measure m : Measures.ALL) {
            assertThat(doc).as("docs/reporting.md should have this row:%n%s", expected).contains(row(m));
        }
    }
}
