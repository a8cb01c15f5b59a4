package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code job_runs}: the audit, one row per stage and run, written whether the stage succeeds, fails
 * or is stopped (docs/guarantees.md).
 */
public final class JobRunsTable {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType COUNT = DataTypes.LongType;

  /** One input file of a run. */
  private static final StructType INPUT =
      new StructType()
          .add(RejectedColumns.DATASET, TEXT)
          .add(Columns.EXPORT_ID, TEXT)
          .add(Columns.SOURCE_FILE, TEXT)
          .add("rows_in", COUNT)
          .add("rows_silver", COUNT)
          .add("rows_quarantine", COUNT)
          .add("rows_out_of_scope", COUNT)
          .add("rows_superseded", COUNT)
          .add("rows_unattributed", COUNT);

  /** What a run did with one (export, billing month) slice. */
  private static final StructType DELIVERY =
      new StructType()
          .add(Columns.EXPORT_ID, TEXT)
          .add(ChargeColumns.BILLING_MONTH, DataTypes.DateType)
          .add("status", TEXT)
          .add("delivery", TEXT)
          .add("modified_at", DataTypes.TimestampType)
          .add("files", DataTypes.IntegerType)
          .add("rows", COUNT)
          .add("file_paths", DataTypes.createArrayType(TEXT));

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.JOB_RUNS,
              TableSpec.Layer.AUDIT,
              "One row per stage and run, appended whether the stage succeeded, failed or was"
                  + " stopped: what it read, placed, rejected and committed.")
          .columns(
              required(Columns.RUN_ID, TEXT, "Run id: the scheduler's (--run-id), or a new UUID"),
              required("job", TEXT, "Stage: ingest, shares, uplift, project or reconcile"),
              required(
                  "status",
                  TEXT,
                  "SUCCEEDED or FAILED (a stop by a signal is FAILED, and its message says so)"),
              column(
                  "logical_period",
                  TEXT,
                  "Months the stage covered: ingest's --period (all when none), all for the gold"
                      + " stages"),
              column("started_at", DataTypes.TimestampType, "When the stage started (UTC)"),
              column("finished_at", DataTypes.TimestampType, "When it ended (UTC)"),
              column("duration_ms", COUNT, "finished_at - started_at (milliseconds)"),
              column(
                  "config_hash",
                  TEXT,
                  "SHA-256 of the effective configuration, secrets masked: equal hashes, equal"
                      + " settings"),
              column(
                  "inputs",
                  DataTypes.createArrayType(INPUT),
                  "Per input file: dataset, export, file, rows in (counted without Spark), rows to"
                      + " silver, to quarantine, out of the period, superseded by a later delivery,"
                      + " unattributed"),
              column(
                  "deliveries",
                  DataTypes.createArrayType(DELIVERY),
                  "Per (export, billing month): the delivery INGESTED, those SUPERSEDED, a month"
                      + " WITHDRAWN, a delivery HELD_BACK (with its file_paths); billing_month null"
                      + " when no folder names it"),
              column(
                  "table_versions",
                  DataTypes.createMapType(TEXT, COUNT),
                  "Delta version committed per table (also before a failure)"),
              column("rows_in", COUNT, "Sum of inputs.rows_in"),
              column("rows_silver", COUNT, "Sum of inputs.rows_silver"),
              column("rows_quarantine", COUNT, "Sum of inputs.rows_quarantine"),
              column("rows_unattributed", COUNT, "Sum of inputs.rows_unattributed"),
              column(
                  "reject_ratio",
                  DataTypes.DoubleType,
                  "rows_quarantine / (rows_silver + rows_quarantine) (fraction)"),
              column(
                  "message",
                  TEXT,
                  "Why it failed or was stopped, then the stage's notes (links skipped, lab names"
                      + " no rule knows)"),
              column(
                  "as_of",
                  DataTypes.DateType,
                  "Day whose partnership terms were current (cloudshift.as-of, else the day of the"
                      + " run)"))
          .appended()
          .build();

  private JobRunsTable() {}
}
