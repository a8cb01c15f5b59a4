package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.DataFrameAssertions;
import io.cloudshift.testing.BundledPipeline;
import io.cloudshift.testing.SparkTestSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code ingest} on the bundled datasets: every table written, rows conserved, a rerun identical. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestEndToEndTest {
  private static final List<String> RERUN_TABLES = List.of(
      Tables.CHARGES, Tables.REJECTED_CHARGES, Tables.CHARGES_MONTHLY, Tables.ATTRIBUTION, Tables.PARTNERSHIP_TERMS, Tables.REJECTED_PARTNERSHIPS,
      Tables.LAB_REVENUE, Tables.PROVIDER_DISCLOSURES, Tables.REJECTED_REFERENCE);

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
    assertThat(fullRun.inputs()).isNotEmpty().allSatisfy(f -> assertThat(f.conserved()).as(f.sourceFile()).isTrue());
    assertThat(fullRun.inputs()).allSatisfy(f -> assertThat(f.rowsOutOfScope()).isZero());
    long focusSilver = fullRun.inputs().stream().filter(f -> f.exportId() != null).mapToLong(InputCount::rowsSilver).sum();
    long focusQuarantine = fullRun.inputs().stream().filter(f -> f.exportId() != null).mapToLong(InputCount::rowsQuarantine).sum();
    assertThat(table(Tables.CHARGES).count()).isEqualTo(focusSilver);
    assertThat(table(Tables.REJECTED_CHARGES).count()).isEqualTo(focusQuarantine);
    assertThat(fullRun.inputs()).extracting(InputCount::exportId)
        .contains("azure-focus", "aws-focus", "gcp-focus", "oci-focus", "coreweave-focus", "finops-sample");
    // The generator plants a handful of bad rows; they must be quarantined, not lost.
    assertThat(focusQuarantine).isPositive();
  }

  @Test
  void jobRunsRecordsTheRun() {
    Row run = table(Tables.JOB_RUNS).where(col("run_id").equalTo(BundledPipeline.RUN_ID).and(col("job").equalTo("ingest"))).head();
    assertThat(run.<String>getAs("status")).isEqualTo("SUCCEEDED");
    assertThat(run.<String>getAs("logical_period")).isEqualTo("all");
    assertThat(run.<String>getAs("config_hash")).isEqualTo(config.hash());
    assertThat(run.<Long>getAs("rows_in")).isEqualTo(run.<Long>getAs("rows_silver") + run.<Long>getAs("rows_quarantine"));
    assertThat(run.getJavaMap(run.fieldIndex("table_versions"))).containsKeys(Tables.CHARGES, Tables.REJECTED_CHARGES,
        Tables.ATTRIBUTION, Tables.PARTNERSHIP_TERMS, Tables.LAB_REVENUE, Tables.PROVIDER_DISCLOSURES);
  }

  /** A period's rerun on the bundled data; ChargeIngestTest reruns whole runs and periods on hand-made files. */
  @Test
  void rerunningAPeriodLeavesEveryTableIdentical() {
    Map<String, Long> before = new LinkedHashMap<>();
    RERUN_TABLES.forEach(t -> before.put(t, io.delta.tables.DeltaTable.forPath(spark, warehouse.path(t)).history(1).head().<Long>getAs("version")));

    JobRun september = new IngestJob(spark, config, warehouse, new RunContext(BundledPipeline.RUN_ID, "ingest", BillingPeriodRange.parse("2024-09"))).execute();
    assertThat(september.inputs()).allSatisfy(f -> assertThat(f.conserved()).isTrue());
    assertThat(september.inputs().stream().mapToLong(InputCount::rowsSilver).sum()).isPositive();

    // Compare each table now with its own version before the rerun (Delta time travel).
    before.forEach((name, version) -> DataFrameAssertions.assertSameRows(
        table(name), spark.read().format("delta").option("versionAsOf", version).load(warehouse.path(name))));
  }
}
