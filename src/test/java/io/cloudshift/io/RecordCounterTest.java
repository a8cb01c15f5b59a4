package io.cloudshift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.testing.TestConfigs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records counted without Spark: the second count that ingest's row accounting is checked against.
 */
class RecordCounterTest {
  @TempDir Path dir;

  private static long records(String csv) throws IOException {
    return RecordCounter.csvRecords(new StringReader(csv));
  }

  @Test
  void aLineBreakEndsARecordOnlyOutsideQuotesAndEmptyLinesAreNone() throws IOException {
    assertThat(records("")).isZero();
    assertThat(records("a,b\n1,2\n3,4\n")).isEqualTo(3);
    assertThat(records("a,b\n1,2\n3,4")).as("no final line break").isEqualTo(3);
    assertThat(records("a,b\r\n1,2\r\n")).as("CRLF").isEqualTo(2);
    assertThat(records("a,b\n\n1,2\n\r\n3,4\n\n")).as("empty lines").isEqualTo(3);
    assertThat(records("a,b\n\"line one\nline two\",2\n3,4\n"))
        .as("a quoted line break")
        .isEqualTo(3);
    assertThat(records("a,b\n\"say \"\"hi\"\"\nthere\",2\n"))
        .as("escaped quotes inside a quoted field")
        .isEqualTo(2);
    assertThat(records("a,b\n,\n")).as("a record of empty fields").isEqualTo(2);
  }

  /**
   * Parsers disagree on where the records of such text end, so it has no count: ingest holds its
   * export back.
   */
  @Test
  void textEndingInsideAQuotedFieldIsAnErrorNamingTheLineTheFieldOpenedOn() {
    assertThatThrownBy(() -> records("a,b\n1,2\n\"never closed,3\n4,5\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("unbalanced quotes: the quoted field opened on line 3 is never closed");
  }

  /**
   * The bundled files, counted against the generator's truth
   * (datasets/focus/_truth/row_counts.csv).
   */
  @Test
  void theBundledFilesHoldTheRowsTheGeneratorWrote() {
    RecordCounter counter = new RecordCounter(new Configuration());
    var exports = TestConfigs.bundled(java.util.Map.of()).exports();
    ExportConfig azure =
        exports.stream().filter(e -> e.id().equals("azure-focus")).findFirst().orElseThrow();
    ExportConfig aws =
        exports.stream().filter(e -> e.id().equals("aws-focus")).findFirst().orElseThrow();

    assertThat(
            counter.count(
                file(
                    "datasets/focus/azure-focus/billing_period=2023-02/azure-focus-2023-02.csv.gz"),
                azure))
        // Data rows of the regenerated file, counted apart from the code (a CSV reader over the
        // gunzipped file, header excluded); row_counts.csv says the same.
        .isEqualTo(133);
    assertThat(
            counter.count(
                file("datasets/focus/aws-focus/billing_period=2023-01/aws-focus-2023-01.parquet"),
                aws))
        .isEqualTo(130);
  }

  @Test
  void aCsvFileIsReadInItsExportsEncoding() throws IOException {
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "a,b\n\"caf\u00e9\nbar\",1\n".getBytes(StandardCharsets.ISO_8859_1));
    ExportConfig export =
        TestConfigs.withExports(
                "[{ id = x, provider = azure, format = csv, encoding = ISO-8859-1, path = \""
                    + dir
                    + "\" }]",
                java.util.Map.of())
            .exports()
            .get(0);

    assertThat(new RecordCounter(new Configuration()).count(file(latin1.toString()), export))
        .isEqualTo(1);
  }

  private static FocusFile file(String path) {
    return new FocusFile(
        new org.apache.hadoop.fs.Path(Path.of(path).toAbsolutePath().toUri()), 0, Instant.EPOCH);
  }
}
