package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.LabRevenueColumns.INPUT;
import static io.cloudshift.schema.LabRevenueColumns.VALUE_USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CuratedCsvReaderTest {
  private static final String HEADER = String.join(",", INPUT);

  @TempDir Path dir;

  private final CuratedCsvReader reader = new CuratedCsvReader(SparkTestSession.get());

  @Test
  void readsQuotedMultiLineCellsAsTextAndEmptyCellsAsNull() throws IOException {
    Path file =
        write(
            "\uFEFF" + HEADER,
            "L1,OpenAI,annualized_run_rate_usd,2025-07-01,2025-07-31,12000000000,"
                + "https://x.example,reported,\"He"
                + " said \"\"$12B\"\",",
            "then more\"",
            "L2,OpenAI,period_revenue_usd,2024-01-01,2024-12-31,0004000000000,"
                + "https://y.example,reported,");

    Dataset<Row> rows = reader.read(ReferenceDataset.LAB_REVENUE, file.toString());

    assertThat(rows.columns()).startsWith(INPUT.toArray(String[]::new));
    assertThat(rows.orderBy(Columns.FACT_ID).collectAsList())
        .extracting(
            r -> r.getAs(Columns.FACT_ID),
            r -> r.getAs(VALUE_USD),
            r -> r.getAs(Columns.NOTES),
            r -> r.getAs(RowValidator.CORRUPT_RECORD))
        .containsExactly(
            tuple("L1", "12000000000", "He said \"$12B\",\nthen more", null),
            tuple("L2", "0004000000000", null, null));
  }

  @Test
  void aRecordWithTooManyOrTooFewFieldsIsQuarantinedAsMalformed() throws IOException {
    Path file =
        write(
            HEADER,
            "L1,OpenAI,annualized_run_rate_usd,2025-07-01,2025-07-31,12000000000,"
                + "https://x.example,reported,",
            "L2,OpenAI,annualized_run_rate_usd,2025-07-01,2025-07-31,12000000000,"
                + "https://x.example,reported,note,EXTRA",
            "L3,OpenAI,annualized_run_rate_usd");

    Dataset<Row> rows = reader.read(ReferenceDataset.LAB_REVENUE, file.toString());
    Outcome out = new LabRevenueTransform(TestConfigs.bundled(Map.of()).labNames()).apply(rows);

    assertThat(out.silver().collectAsList())
        .extracting(r -> r.getAs(Columns.FACT_ID))
        .containsExactly("L1");
    assertThat(out.rejected().collectAsList())
        .extracting(r -> r.getAs(RejectedColumns.REASON_CODE))
        .containsExactly("MALFORMED_ROW", "MALFORMED_ROW");
    assertThat(out.rejected().collectAsList())
        .extracting(r -> (String) r.getAs(RejectedColumns.REASON_DETAIL))
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("does not split into the header's 9 columns")
                    .contains("note,EXTRA"));
    assertThat(out.silver().count() + out.rejected().count()).isEqualTo(rows.count()).isEqualTo(3);
  }

  @Test
  void aMissingFileFailsWithOneClearLine() {
    String path = dir.resolve("nowhere.csv").toString();

    assertThatThrownBy(() -> reader.read(ReferenceDataset.PARTNERSHIPS, path))
        .isInstanceOf(InputNotFoundException.class)
        .hasMessage(
            "Cannot read partnerships input "
                + path
                + ": no such file (check cloudshift.inputs.partnerships in conf/"
                + " or pass --set cloudshift.inputs.partnerships=<path of the curated CSV>)");
  }

  @Test
  void aMissingOrRenamedColumnFailsNamingIt() throws IOException {
    Path file =
        write(
            HEADER.replace("period_end", "period_stop"),
            "L1,OpenAI,x,2025-07-01,2025-07-31,1,u,reported,");

    assertThatThrownBy(() -> reader.read(ReferenceDataset.LAB_REVENUE, file.toString()))
        .isInstanceOf(InvalidReferenceInputException.class)
        .hasMessageStartingWith(
            "Cannot read lab-revenue input " + file + ": missing column(s) period_end (")
        .hasMessageContaining("was a column renamed?")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anEmptyFileFailsClearly() throws IOException {
    Path file = write();

    assertThatThrownBy(() -> reader.read(ReferenceDataset.LAB_REVENUE, file.toString()))
        .isInstanceOf(InvalidReferenceInputException.class)
        .hasMessageStartingWith("Cannot read lab-revenue input " + file + ": ")
        .hasMessageNotContaining("\n");
  }

  private Path write(String... lines) throws IOException {
    Path file = Files.createTempFile(dir, "input", ".csv");
    Files.write(file, lines.length == 0 ? List.of() : List.of(lines), StandardCharsets.UTF_8);
    return file;
  }
}
