package io.cloudshift.audit;

import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.Tables;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Appends {@link JobRun}s to the {@code job_runs} audit table (append-only: one row per run). */
public final class JobRunLog {
  /**
   * Set on the Spark jobs that write job_runs: a run being stopped cancels every other job it
   * starts, but its own audit row must still be written.
   */
  public static final String AUDIT_JOB_PROPERTY = "cloudshift.audit";

  private static final StructType INPUT =
      new StructType()
          .add(RejectedColumns.DATASET, DataTypes.StringType)
          .add(Columns.EXPORT_ID, DataTypes.StringType)
          .add(Columns.SOURCE_FILE, DataTypes.StringType)
          .add("rows_in", DataTypes.LongType)
          .add("rows_silver", DataTypes.LongType)
          .add("rows_quarantine", DataTypes.LongType)
          .add("rows_out_of_scope", DataTypes.LongType)
          .add("rows_superseded", DataTypes.LongType)
          .add("rows_unattributed", DataTypes.LongType);

  private static final StructType DELIVERY =
      new StructType()
          .add(Columns.EXPORT_ID, DataTypes.StringType)
          .add(ChargeColumns.BILLING_MONTH, DataTypes.DateType)
          .add("status", DataTypes.StringType)
          .add("delivery", DataTypes.StringType)
          .add("modified_at", DataTypes.TimestampType)
          .add("files", DataTypes.IntegerType)
          .add("rows", DataTypes.LongType)
          .add("file_paths", DataTypes.createArrayType(DataTypes.StringType));

  public static final StructType SCHEMA =
      new StructType()
          .add(Columns.RUN_ID, DataTypes.StringType, false)
          .add("job", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("logical_period", DataTypes.StringType)
          .add("started_at", DataTypes.TimestampType)
          .add("finished_at", DataTypes.TimestampType)
          .add("duration_ms", DataTypes.LongType)
          .add("config_hash", DataTypes.StringType)
          .add("inputs", DataTypes.createArrayType(INPUT))
          .add("deliveries", DataTypes.createArrayType(DELIVERY))
          .add("table_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
          .add("rows_in", DataTypes.LongType)
          .add("rows_silver", DataTypes.LongType)
          .add("rows_quarantine", DataTypes.LongType)
          .add("rows_unattributed", DataTypes.LongType)
          .add("reject_ratio", DataTypes.DoubleType)
          .add("message", DataTypes.StringType)
          .add("as_of", DataTypes.DateType);

  private final SparkSession spark;
  private final DeltaTableWriter writer;

  public JobRunLog(SparkSession spark, DeltaTableWriter writer) {
    this.spark = spark;
    this.writer = writer;
  }

  public long record(JobRun run) {
    List<Row> inputs =
        run.inputs().stream()
            .map(i -> RowFactory.create(i.dataset(), i.exportId(), i.sourceFile(), i.rowsIn(), i.rowsSilver(),
                i.rowsQuarantine(), i.rowsOutOfScope(), i.rowsSuperseded(), i.rowsUnattributed()))
            .toList();
    List<Row> deliveries =
        run.deliveries().stream()
            .map(d -> RowFactory.create(d.exportId(),
                // A held-back delivery that names no month has none before its rows are read.
                d.billingMonth() == null ? null : Date.valueOf(d.billingMonth().atDay(1)), d.status().name(), d.delivery(),
                // A withdrawn slice has no delivery, hence no modification time.
                d.modifiedAt() == null ? null : Timestamp.from(d.modifiedAt()), d.files(), d.rows(),
                d.filePaths().isEmpty() ? null : d.filePaths()))
            .toList();
    Row row =
        RowFactory.create(
            run.runId(), run.job(), run.status(), run.logicalPeriod(),
            Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()),
            run.finishedAt().toEpochMilli() - run.startedAt().toEpochMilli(),
            run.configHash(),
            inputs,
            deliveries,
            new TreeMap<>(run.tableVersions()),
            run.rowsIn(), run.rowsSilver(), run.rowsQuarantine(), run.rowsUnattributed(), run.rejectRatio(),
            run.message(),
            Date.valueOf(run.asOf()));
    String previous = spark.sparkContext().getLocalProperty(AUDIT_JOB_PROPERTY);
    spark.sparkContext().setLocalProperty(AUDIT_JOB_PROPERTY, "true");
    try {
      return writer.append(Tables.JOB_RUNS, spark.createDataFrame(List.of(row), SCHEMA));
    } finally {
      spark.sparkContext().setLocalProperty(AUDIT_JOB_PROPERTY, previous);
    }
  }
}
