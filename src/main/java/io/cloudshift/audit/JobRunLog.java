package io.cloudshift.audit;

import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.schema.JobRunsTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends {@link JobRun}s to the {@code job_runs} audit table (append-only: one row per run). */
public final class JobRunLog {
  /**
   * Set on the Spark jobs that write job_runs: a run being stopped cancels every other job it
   * starts, but its own audit row must still be written.
   */
  public static final String AUDIT_JOB_PROPERTY = "cloudshift.audit";

  private final SparkSession spark;
  private final DeltaTableWriter writer;

  public JobRunLog(SparkSession spark, DeltaTableWriter writer) {
    this.spark = spark;
    this.writer = writer;
  }

  public long record(JobRun run) {
    List<Row> inputs =
        run.inputs().stream()
            .map(
                i ->
                    RowFactory.create(
                        i.dataset(),
                        i.exportId(),
                        i.sourceFile(),
                        i.rowsIn(),
                        i.rowsSilver(),
                        i.rowsQuarantine(),
                        i.rowsOutOfScope(),
                        i.rowsSuperseded(),
                        i.rowsUnattributed()))
            .toList();
    List<Row> deliveries =
        run.deliveries().stream()
            .map(
                d ->
                    RowFactory.create(
                        d.exportId(),
                        // A held-back delivery that names no month has none before its rows are
                        // read.
                        d.billingMonth() == null ? null : Date.valueOf(d.billingMonth().atDay(1)),
                        d.status().name(),
                        d.delivery(),
                        // A withdrawn slice has no delivery, hence no modification time.
                        d.modifiedAt() == null ? null : Timestamp.from(d.modifiedAt()),
                        d.files(),
                        d.rows(),
                        d.filePaths().isEmpty() ? null : d.filePaths()))
            .toList();
    Row row =
        RowFactory.create(
            run.runId(),
            run.job(),
            run.status(),
            run.logicalPeriod(),
            Timestamp.from(run.startedAt()),
            Timestamp.from(run.finishedAt()),
            run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli(),
            run.configHash(),
            inputs,
            deliveries,
            new TreeMap<>(run.tableVersions()),
            run.rowsIn(),
            run.rowsSilver(),
            run.rowsQuarantine(),
            run.rowsUnattributed(),
            run.rejectRatio(),
            run.message(),
            Date.valueOf(run.asOf()));
    String previous = spark.sparkContext().getLocalProperty(AUDIT_JOB_PROPERTY);
    spark.sparkContext().setLocalProperty(AUDIT_JOB_PROPERTY, "true");
    try {
      return writer.append(
          JobRunsTable.SPEC, spark.createDataFrame(List.of(row), JobRunsTable.SPEC.schema()));
    } finally {
      spark.sparkContext().setLocalProperty(AUDIT_JOB_PROPERTY, previous);
    }
  }
}
