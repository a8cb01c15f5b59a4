package io.cloudshift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every stage leaves its job_runs row, with what it did before failing. */
class JobRunRecorderTest {
  @TempDir Path dir;

  /** How Scala code throws a checked exception (SparkException, AnalysisException) through Java. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  @Test
  void aCheckedExceptionStillLeavesAFailedRowWithWhatTheStageCommitted() {
    var spark = SparkTestSession.get();
    DeltaTableWriter writer = new DeltaTableWriter(spark, new Warehouse(dir.toString()), "{}");
    JobRunRecorder recorder = new JobRunRecorder(spark, TestConfigs.bundled(Map.of()),
        new RunContext("run-7", "ingest", BillingPeriodRange.all()), writer);

    assertThatThrownBy(() -> recorder.record("ingest", progress -> {
      progress.read(new InputCount("focus", "e", "f.csv", 3, 1, 2, 0, 0, 0));
      progress.wrote(Tables.REJECTED_CHARGES, 4L);
      sneakyThrow(new java.io.IOException("disk full"));
    })).isInstanceOf(java.io.IOException.class).hasMessage("disk full");

    List<Row> rows = writer.read(Tables.JOB_RUNS).collectAsList();
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.<String>getAs("status")).isEqualTo(JobRun.FAILED);
    assertThat(row.<String>getAs("message")).isEqualTo("disk full");
    assertThat(row.<Long>getAs("rows_in")).isEqualTo(3L);
    assertThat(row.<Long>getAs("rows_quarantine")).isEqualTo(2L);
    assertThat(row.getJavaMap(row.fieldIndex("table_versions"))).containsEntry(Tables.REJECTED_CHARGES, 4L);
  }

  @Test
  void aWithdrawnMonthIsRecordedWithoutADelivery() {
    var spark = SparkTestSession.get();
    DeltaTableWriter writer = new DeltaTableWriter(spark, new Warehouse(dir.toString()), "{}");
    JobRunRecorder recorder = new JobRunRecorder(spark, TestConfigs.bundled(Map.of()),
        new RunContext("run-8", "ingest", BillingPeriodRange.all()), writer);

    recorder.record("ingest", progress -> progress.delivered(List.of(
        new DeliveryOutcome("e", YearMonth.of(2026, 5), DeliveryOutcome.Status.WITHDRAWN, null, null, 0, 7L))));

    Row delivery = writer.read(Tables.JOB_RUNS).select(explode(col("deliveries")).as("d")).select("d.*").first();
    assertThat(delivery.<String>getAs("status")).isEqualTo("WITHDRAWN");
    assertThat(delivery.<Long>getAs("rows")).isEqualTo(7L);
    assertThat(delivery.isNullAt(delivery.fieldIndex("modified_at"))).isTrue();
  }
}
