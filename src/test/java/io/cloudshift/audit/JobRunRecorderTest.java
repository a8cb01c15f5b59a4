package io.cloudshift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.nio.file.Path;
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
}
