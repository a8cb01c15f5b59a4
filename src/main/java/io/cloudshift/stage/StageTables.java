package io.cloudshift.stage;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.io.TableMaintenance;
import io.cloudshift.schema.TableSpec;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The only way a stage touches tables: by their {@link TableSpec}, each checked against what the
 * stage declares it reads and writes. A write is the table's declared write mode (one atomic Delta
 * commit), runs under a Spark job description naming the stage and the table, is stamped with the
 * stage's lineage (its context's writer) and is recorded in the stage's progress, so job_runs lists
 * it whether the stage ends well or not.
 */
public final class StageTables {
  private final String stage;
  private final StageContext context;
  private final List<TableSpec> reads;
  private final List<TableSpec> writes;
  private final StageProgress progress;

  private StageTables(
      String stage,
      StageContext context,
      List<TableSpec> reads,
      List<TableSpec> writes,
      StageProgress progress) {
    this.stage = stage;
    this.context = context;
    this.reads = reads;
    this.writes = writes;
    this.progress = progress;
  }

  /**
   * The tables of {@code stage}, recording into {@code progress}: how StageRunner (and a test
   * running a stage) executes it.
   */
  public static StageTables of(PipelineStage stage, StageProgress progress) {
    return new StageTables(stage.name(), stage.context, stage.reads(), stage.writes(), progress);
  }

  /** What the stage has read and committed so far: its job_runs row. */
  public StageProgress progress() {
    return progress;
  }

  public boolean exists(TableSpec table) {
    requireDeclared(table, true);
    return writer().exists(table.name());
  }

  /** A table the stage reads (or writes, to read back what it committed). */
  public Dataset<Row> read(TableSpec table) {
    requireDeclared(table, true);
    return writer().read(table.name());
  }

  /**
   * As {@link #read}, as one partition: for the small tables gold stages read (aggregates, terms).
   */
  public Dataset<Row> readSmall(TableSpec table) {
    requireDeclared(table, true);
    return writer().readSmall(table.name());
  }

  /**
   * A table this stage wrote, as of the version it committed, as one partition: a later table
   * computed from it reads the stored rows (their types, their values) through a short plan.
   */
  public Dataset<Row> readSmall(TableSpec table, long version) {
    requireDeclared(table, false);
    return writer().read(table.name(), version).coalesce(1);
  }

  /**
   * Writes a table replaced whole, merged on its key or appended to, as its spec says; returns the
   * version.
   */
  public long write(TableSpec table, Dataset<Row> rows) {
    requireDeclared(table, false);
    DeltaTableWriter writer = writer();
    return commit(
        table,
        () ->
            switch (table.writeMode()) {
              case OVERWRITE -> writer.replace(table, rows);
              case MERGE -> writer.mergeSync(table, rows);
              case APPEND -> writer.append(table, rows);
              case REPLACE_RANGE ->
                  throw new IllegalArgumentException(
                      "Table "
                          + table.name()
                          + " is replaced by range: give the range (this is a bug)");
            });
  }

  /**
   * Replaces the rows of {@code range} of a table written by range (REPLACE_RANGE); returns the
   * version.
   */
  public long write(TableSpec table, Dataset<Row> rows, Column range) {
    requireDeclared(table, false);
    if (table.writeMode() != TableSpec.WriteMode.REPLACE_RANGE) {
      throw new IllegalArgumentException(
          "Table " + table.name() + " is not replaced by range (this is a bug)");
    }
    return commit(table, () -> writer().replaceRange(table, rows, range));
  }

  /**
   * The upkeep of a table the stage declares it writes (compaction, VACUUM, checkpoints); the stage
   * records the version it leaves in its progress.
   */
  public TableMaintenance maintenance(TableSpec table) {
    requireDeclared(table, false);
    return new TableMaintenance(writer(), table.name());
  }

  private long commit(TableSpec table, java.util.function.LongSupplier write) {
    long version =
        SparkJobs.described(
            context.spark(), "cloudshift " + stage + ": write " + table.name(), write::getAsLong);
    progress.wrote(table.name(), version);
    return version;
  }

  private DeltaTableWriter writer() {
    return context.writer();
  }

  /**
   * A table the stage does not declare is a contract out of date: a bug, caught before any commit.
   */
  private void requireDeclared(TableSpec table, boolean reading) {
    if (writes.contains(table) || reading && reads.contains(table)) {
      return;
    }
    throw new IllegalStateException(
        "Stage "
            + stage
            + " "
            + (reading ? "reads " : "writes ")
            + table.name()
            + ", which it does not declare (this is a bug)");
  }
}
