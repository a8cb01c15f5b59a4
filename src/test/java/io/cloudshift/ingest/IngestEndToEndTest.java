package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.BundledPipeline;
import io.cloudshift.testing.DataFrameAssertions;
import io.cloudshift.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code ingest} on the bundled datasets: every table written, rows conserved, a rerun identical,
 * and the generator's planted truth found in the tables (bad rows with their reasons, rows per
 * file, revenue per provider, month and stream to the cent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestEndToEndTest {
  private static final Path TRUTH = Path.of("datasets/focus/_truth");
  private static final String FINOPS_SAMPLE = "finops-sample";
  private final SparkSession spark = SparkTestSession.get();
  private CloudshiftConfig config;
  private Warehouse warehouse;
  private JobRun fullRun;

  @BeforeAll
  void ingestEverything() {
    BundledPipeline pipeline = BundledPipeline.get();
    config = pipeline.config();
    warehouse = pipeline.warehouse();
    fullRun = pipeline.ingest();
  }

  private Dataset<Row> table(String name) {
    return spark.read().format("delta").load(warehouse.path(name));
  }

  @Test
  void everyInputRowIsInSilverOrQuarantinePerFile() {
    assertThat(fullRun.status()).isEqualTo(JobRun.SUCCEEDED);
    assertThat(fullRun.inputs())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.conserved()).as(f.sourceFile()).isTrue());
    assertThat(fullRun.inputs()).allSatisfy(f -> assertThat(f.rowsOutOfScope()).isZero());
    long focusSilver =
        fullRun.inputs().stream()
            .filter(f -> f.exportId() != null)
            .mapToLong(InputCount::rowsSilver)
            .sum();
    long focusQuarantine =
        fullRun.inputs().stream()
            .filter(f -> f.exportId() != null)
            .mapToLong(InputCount::rowsQuarantine)
            .sum();
    assertThat(table(Tables.CHARGES).count()).isEqualTo(focusSilver);
    assertThat(table(Tables.REJECTED_CHARGES).count()).isEqualTo(focusQuarantine);
    assertThat(fullRun.inputs())
        .extracting(InputCount::exportId)
        .contains(
            "azure-focus",
            "aws-focus",
            "gcp-focus",
            "oci-focus",
            "coreweave-focus",
            "finops-sample");
    // The generator plants a handful of bad rows; they must be quarantined, not lost.
    assertThat(focusQuarantine).isPositive();
  }

  @Test
  void jobRunsRecordsTheRun() {
    Row run =
        table(Tables.JOB_RUNS)
            .where(col("run_id").equalTo(BundledPipeline.RUN_ID).and(col("job").equalTo("ingest")))
            .head();
    assertThat(run.<String>getAs("status")).isEqualTo("SUCCEEDED");
    assertThat(run.<String>getAs("logical_period")).isEqualTo("all");
    assertThat(run.<String>getAs("config_hash")).isEqualTo(config.hash());
    assertThat(run.<Long>getAs("rows_in"))
        .isEqualTo(run.<Long>getAs("rows_silver") + run.<Long>getAs("rows_quarantine"));
    assertThat(run.getJavaMap(run.fieldIndex("table_versions")))
        .containsKeys(
            Tables.CHARGES,
            Tables.REJECTED_CHARGES,
            Tables.ATTRIBUTION,
            Tables.PARTNERSHIP_TERMS,
            Tables.LAB_REVENUE,
            Tables.PROVIDER_DISCLOSURES);
  }

  /** A file of the generator's planted truth (datasets/focus/_truth), as text columns. */
  private Dataset<Row> truth(String file) {
    return spark.read().option("header", "true").csv(TRUTH.resolve(file).toString());
  }

  /** A synthetic export's source file relative to its export folder, as the truth names it. */
  private static Column fileInExport(String sourceFile, String exportId) {
    return expr(
        "substring("
            + sourceFile
            + ", instr("
            + sourceFile
            + ", concat("
            + exportId
            + ", '/')) + length("
            + exportId
            + ") + 1)");
  }

  private static Column synthetic(String exportId) {
    return col(exportId).notEqual(FINOPS_SAMPLE);
  }

  @Test
  void everyPlantedBadRowIsQuarantinedWithItsReason() {
    Dataset<Row> planted =
        truth("bad_rows.csv").select(col("export"), col("file"), col("reason_code"));
    Dataset<Row> quarantined =
        table(Tables.REJECTED_CHARGES)
            .where(synthetic(Columns.EXPORT_ID))
            .select(
                col(Columns.EXPORT_ID).as("export"),
                fileInExport(Columns.SOURCE_FILE, Columns.EXPORT_ID).as("file"),
                col(RejectedColumns.REASON_CODE).as("reason_code"));

    assertThat(planted.count()).isEqualTo(15);
    DataFrameAssertions.assertSameRows(quarantined, planted);
  }

  @Test
  void everyFileLandsWithTheRowsTheGeneratorWrote() {
    Dataset<Row> written =
        truth("row_counts.csv")
            .select(col("export"), col("file"), col("rows").cast("long").as("rows"));
    Dataset<Row> silver =
        table(Tables.CHARGES)
            .where(synthetic(Columns.EXPORT_ID))
            .select(
                col(Columns.EXPORT_ID).as("export"),
                fileInExport(Columns.SOURCE_FILE, Columns.EXPORT_ID).as("file"));
    Dataset<Row> quarantined =
        table(Tables.REJECTED_CHARGES)
            .where(synthetic(Columns.EXPORT_ID))
            .select(
                col(Columns.EXPORT_ID).as("export"),
                fileInExport(Columns.SOURCE_FILE, Columns.EXPORT_ID).as("file"));
    Dataset<Row> landed =
        silver.unionByName(quarantined).groupBy("export", "file").agg(count(lit(1)).as("rows"));

    assertThat(written.count()).isEqualTo(225);
    DataFrameAssertions.assertSameRows(landed, written);

    // job_runs' rows in per file are the records counted in the file without Spark: the generator's
    // count too.
    Map<String, Long> generated = new TreeMap<>();
    written
        .collectAsList()
        .forEach(r -> generated.put(r.getString(0) + "/" + r.getString(1), r.getLong(2)));
    Map<String, Long> rowsIn = new TreeMap<>();
    fullRun.inputs().stream()
        .filter(i -> i.exportId() != null && !i.exportId().equals(FINOPS_SAMPLE))
        .forEach(
            i ->
                rowsIn.put(
                    i.exportId()
                        + i.sourceFile()
                            .substring(
                                i.sourceFile().indexOf("/" + i.exportId() + "/")
                                    + i.exportId().length()
                                    + 1),
                    i.rowsIn()));
    assertThat(rowsIn).isEqualTo(generated);
  }

  @Test
  void revenuePerProviderMonthAndStreamIsThePlantedRevenueToTheCent() {
    // The truth is in cents and silver's amounts have 6 decimals: compared at 6, a sum off by a
    // fraction of a cent differs.
    String money = "decimal(38,6)";
    Dataset<Row> planted =
        truth("provider_monthly_revenue.csv")
            .select(
                col("provider"),
                col("billing_month"),
                col("billing_currency"),
                col("stream"),
                col("billed_revenue").cast(money).as("billed_revenue"),
                col("effective_revenue").cast(money).as("effective_revenue"));
    Dataset<Row> ingested =
        table(Tables.CHARGES_MONTHLY)
            .where(synthetic(Columns.EXPORT_ID))
            .groupBy(
                col(Columns.PROVIDER).as("provider"),
                date_format(col(Columns.MONTH), "yyyy-MM").as("billing_month"),
                col(Columns.BILLING_CURRENCY).as("billing_currency"),
                col(Columns.STREAM).as("stream"))
            .agg(
                sum(Columns.BILLED_REVENUE).cast(money).as("billed_revenue"),
                sum(Columns.EFFECTIVE_REVENUE).cast(money).as("effective_revenue"));

    assertThat(planted.count()).isEqualTo(617);
    DataFrameAssertions.assertSameRows(ingested, planted);
  }
}
