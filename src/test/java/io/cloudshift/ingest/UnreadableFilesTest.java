package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.audit.DeliveryOutcome;
import io.cloudshift.audit.InputCount;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.Slow;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be read at all (docs/ingest.md, "Files that cannot be read"): the export
 * holding one is held back with its slices as they were, the other exports are ingested, the file
 * is one row of rejected_charges, and the run fails with one line naming it. Totals are summed by
 * hand.
 */
// Among the first test classes (pom.xml orders them by @Order): one of the longest.
@Order(4)
@Slow
class UnreadableFilesTest {
  private static final String SEPTEMBER = "billing_period=2024-09";

  @TempDir Path dir;

  /** Seven plus eight, billed in September 2024. */
  private static FocusCsv fifteen() {
    return FocusCsv.focus12()
        .row("BilledCost", "7", "EffectiveCost", "7")
        .row("BilledCost", "8", "EffectiveCost", "8");
  }

  private static BigDecimal billed(IngestHarness harness, String export) {
    Row r =
        harness
            .table(Tables.CHARGES)
            .where(col(Columns.EXPORT_ID).equalTo(export))
            .agg(sum(ChargeColumns.BILLED_COST))
            .head();
    return r.isNullAt(0) ? BigDecimal.ZERO : r.getDecimal(0);
  }

  @Test
  void aFileThatCannotBeReadSetsItsExportAsideAndTheOthersAreIngested() throws Exception {
    Map<String, String> exports = new LinkedHashMap<>();
    exports.put("good", "azure csv");
    exports.put("not-gzip", "gcp csv");
    exports.put("truncated", "oci csv");
    exports.put("not-parquet", "aws parquet");
    exports.put("unclosed-quote", "coreweave csv");
    IngestHarness harness = new IngestHarness(dir, exports);
    fifteen().write(harness.export("good").resolve(SEPTEMBER + "/a.csv"));
    Path gzip =
        FocusCsv.writeText(
            harness.export("not-gzip").resolve(SEPTEMBER + "/part-1.csv.gz"), fifteen().text("\n"));
    Files.copy(
        gzip,
        Files.createDirectories(harness.export("truncated").resolve(SEPTEMBER))
            .resolve("part-1.csv.gz"));
    writeParquet(fifteen(), harness.export("not-parquet").resolve(SEPTEMBER + "/part-1.parquet"));
    fifteen().write(harness.export("unclosed-quote").resolve(SEPTEMBER + "/part-1.csv"));
    harness.ingest("run-1");
    for (String export : exports.keySet()) {
      assertThat(billed(harness, export)).as(export).isEqualByComparingTo("15");
    }

    // Each bad export's September delivery gains a second file that cannot be read; the good one a
    // readable file.
    FocusCsv.focus12()
        .row("BilledCost", "20", "EffectiveCost", "20")
        .write(harness.export("good").resolve(SEPTEMBER + "/b.csv"));
    byte[] gzipBytes = Files.readAllBytes(gzip);
    List<Path> bad =
        List.of(
            Files.write(
                harness.export("not-gzip").resolve(SEPTEMBER + "/part-2.csv.gz"),
                fifteen().text("\n").getBytes(StandardCharsets.UTF_8)),
            Files.write(
                harness.export("truncated").resolve(SEPTEMBER + "/part-2.csv.gz"),
                Arrays.copyOf(gzipBytes, gzipBytes.length - 30)),
            Files.write(
                harness.export("not-parquet").resolve(SEPTEMBER + "/part-2.parquet"),
                "not parquet".getBytes(StandardCharsets.UTF_8)),
            // Parsers disagree on where the records of a file ending inside a quoted field end.
            Files.copy(
                Path.of("src/test/resources/unreadable/unclosed-quote.csv"),
                harness.export("unclosed-quote").resolve(SEPTEMBER + "/part-2.csv")));

    assertThatThrownBy(() -> harness.ingest("run-2"))
        .isInstanceOf(ExportsHeldBackException.class)
        .hasMessageContaining(
            "Cannot ingest export(s) not-gzip, truncated, not-parquet, unclosed-quote:")
        .hasMessageContaining("part-2.csv.gz cannot be read")
        .hasMessageContaining("and 3 more file(s)")
        .hasMessageNotContaining("\n");

    assertThat(billed(harness, "good"))
        .as("the good export's new delivery")
        .isEqualByComparingTo("35");
    for (String export : List.of("not-gzip", "truncated", "not-parquet", "unclosed-quote")) {
      assertThat(billed(harness, export))
          .as(export + " keeps its previous slice")
          .isEqualByComparingTo("15");
    }
    List<Row> fileRows =
        harness.table(Tables.REJECTED_CHARGES).orderBy(Columns.EXPORT_ID).collectAsList();
    assertThat(fileRows)
        .extracting(
            r -> r.<String>getAs(Columns.EXPORT_ID),
            r -> r.<String>getAs(RejectedColumns.REASON_CODE),
            r -> r.<String>getAs(Columns.RUN_ID),
            r -> r.getAs(ChargeColumns.BILLING_MONTH))
        .containsExactly(
            tuple("not-gzip", "UNREADABLE_FILE", "run-2", null),
            tuple("not-parquet", "UNREADABLE_FILE", "run-2", null),
            tuple("truncated", "UNREADABLE_FILE", "run-2", null),
            tuple("unclosed-quote", "UNREADABLE_FILE", "run-2", null));
    assertThat(fileRows)
        .extracting(r -> r.<String>getAs(RejectedColumns.REASON_DETAIL))
        .satisfiesExactly(
            notGzip -> assertThat(notGzip).isNotBlank(),
            notParquet -> assertThat(notParquet).startsWith("is not a Parquet file"),
            truncated -> assertThat(truncated).isEqualTo("Unexpected end of input stream"),
            unclosed ->
                assertThat(unclosed)
                    .startsWith("unbalanced quotes: the quoted field opened on line"));
    // Named as Spark names the files of every other row, so a later read of the file replaces its
    // row.
    String goodFile =
        harness
            .table(Tables.CHARGES)
            .where(col(Columns.EXPORT_ID).equalTo("good"))
            .first()
            .getAs(Columns.SOURCE_FILE);
    assertThat(fileRows.get(2).<String>getAs(Columns.SOURCE_FILE))
        .isEqualTo(
            goodFile.substring(0, goodFile.indexOf("/good/"))
                + "/truncated/"
                + SEPTEMBER
                + "/part-2.csv.gz");
    assertThat(fileRows.get(2).<String>getAs(RejectedColumns.RAW))
        .endsWith("\"size\":" + Files.size(bad.get(1)) + "}");
    assertThat(harness.progress().deliveries())
        .filteredOn(d -> d.status() == DeliveryOutcome.Status.HELD_BACK)
        .extracting(DeliveryOutcome::exportId, DeliveryOutcome::files)
        .containsExactlyInAnyOrder(
            tuple("not-gzip", 2),
            tuple("truncated", 2),
            tuple("not-parquet", 2),
            tuple("unclosed-quote", 2));
    assertThat(harness.progress().inputs()).extracting(InputCount::exportId).containsOnly("good");

    // With the files removed, the next run ingests every export and the file rows are gone.
    for (Path file : bad) {
      Files.delete(file);
    }
    harness.ingest("run-3");
    assertThat(harness.table(Tables.REJECTED_CHARGES).count()).isZero();
    assertThat(billed(harness, "truncated")).isEqualByComparingTo("15");
  }

  /**
   * Issue 20, item 3: {@code x.csv} beside {@code x.csv.gz} (a {@code gunzip -k} leftover) doubled
   * the revenue of a delivery silently. Here in an OCI-like layout (one folder, no
   * billing_period=), so the folder is the delivery: the export is held back, one line names both
   * files.
   */
  @Test
  void aFileBesideItsCompressedCopyHoldsItsExportBackInsteadOfCountingTwice() throws Exception {
    Map<String, String> exports = new LinkedHashMap<>();
    exports.put("good", "azure csv");
    exports.put("oci", "oci csv");
    IngestHarness harness = new IngestHarness(dir, exports);
    fifteen().write(harness.export("good").resolve(SEPTEMBER + "/a.csv"));
    Path gzip =
        FocusCsv.writeText(
            harness.export("oci").resolve("reports/report-0001.csv.gz"), fifteen().text("\n"));
    harness.ingest("run-1");
    assertThat(billed(harness, "oci")).isEqualByComparingTo("15");

    Path leftover = fifteen().write(harness.export("oci").resolve("reports/report-0001.csv"));
    FocusCsv.focus12()
        .row("BilledCost", "20", "EffectiveCost", "20")
        .write(harness.export("good").resolve(SEPTEMBER + "/b.csv"));
    assertThatThrownBy(() -> harness.ingest("run-2"))
        .isInstanceOf(ExportsHeldBackException.class)
        .hasMessageStartingWith("Cannot ingest export(s) oci: ")
        .hasMessageContaining(
            "report-0001.csv and report-0001.csv.gz differ only by a compression suffix: the same"
                + " data delivered twice")
        .hasMessageContaining("reason_code DUPLICATE_FILE")
        .hasMessageNotContaining("\n");
    assertThat(billed(harness, "oci"))
        .as("held back: the previous slice, not 15 + 15")
        .isEqualByComparingTo("15");
    assertThat(billed(harness, "good")).isEqualByComparingTo("35");
    Row fileRow =
        harness.table(Tables.REJECTED_CHARGES).where(col(Columns.EXPORT_ID).equalTo("oci")).first();
    assertThat(fileRow.<String>getAs(RejectedColumns.REASON_CODE)).isEqualTo("DUPLICATE_FILE");
    assertThat(fileRow.<String>getAs(Columns.SOURCE_FILE)).endsWith("/oci/reports/report-0001.csv");
    assertThat(fileRow.<String>getAs(RejectedColumns.REASON_DETAIL))
        .isEqualTo(
            "the same data as report-0001.csv.gz beside it (the names differ only by a compression"
                + " suffix)");

    Files.delete(leftover);
    harness.ingest("run-3");
    assertThat(billed(harness, "oci")).isEqualByComparingTo("15");
    assertThat(harness.table(Tables.REJECTED_CHARGES).count()).isZero();
    assertThat(gzip).exists();
  }

  /**
   * Issue 20, item 4: a held-back delivery without a billing_period= folder (an Azure run folder)
   * reached job_runs with no month, the audit write failed and job_runs was not even created. The
   * FAILED row is written whatever the layout, with the delivery's files.
   */
  @Test
  void aHeldBackDeliveryWithoutAMonthFolderIsInTheFailedJobRunsRowWithItsFiles() throws Exception {
    IngestHarness harness = new IngestHarness(dir, Map.of("azure", "azure csv"));
    Path run = harness.export("azure").resolve("20240901-20240930/3f2a9c1e");
    Path good = fifteen().write(run.resolve("part_0_0001.csv"));
    Path bad =
        Files.write(run.resolve("part_1_0001.csv.gz"), "not gzip".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> harness.ingestAudited("run-1"))
        .isInstanceOf(ExportsHeldBackException.class);

    Row jobRun = harness.table(Tables.JOB_RUNS).where(col(Columns.RUN_ID).equalTo("run-1")).first();
    assertThat(jobRun.<String>getAs("status")).isEqualTo("FAILED");
    assertThat(jobRun.<String>getAs("message"))
        .startsWith("Cannot ingest export(s) azure: ")
        .contains("part_1_0001.csv.gz cannot be read");
    Row delivery =
        harness
            .table(Tables.JOB_RUNS)
            .select(explode(col("deliveries")).as("d"))
            .select("d.*")
            .first();
    assertThat(delivery.<String>getAs("status")).isEqualTo("HELD_BACK");
    assertThat(delivery.<String>getAs("delivery")).endsWith("/azure/20240901-20240930/3f2a9c1e");
    assertThat(delivery.isNullAt(delivery.fieldIndex(ChargeColumns.BILLING_MONTH)))
        .as("no folder names the month")
        .isTrue();
    assertThat(delivery.<Integer>getAs("files")).isEqualTo(2);
    assertThat(delivery.getList(delivery.fieldIndex("file_paths")))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p.toString()).endsWith(good.getFileName().toString()))
        .anySatisfy(p -> assertThat(p.toString()).endsWith(bad.getFileName().toString()));
  }

  private void writeParquet(FocusCsv csv, Path file) throws Exception {
    Path text = csv.write(dir.resolve("parquet-source.csv"));
    Path out = dir.resolve("parquet-out");
    SparkTestSession.get()
        .read()
        .option("header", "true")
        .csv(text.toString())
        .coalesce(1)
        .write()
        .parquet(out.toString());
    Files.createDirectories(file.getParent());
    try (var files = Files.list(out)) {
      Files.copy(
          files
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow(),
          file);
    }
  }
}
