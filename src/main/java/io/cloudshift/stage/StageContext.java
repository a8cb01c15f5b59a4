package io.cloudshift.stage;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * What every stage is given: the Spark session, the effective configuration, the run (id and
 * period) and the warehouse's table writer, whose commits carry the run in their metadata.
 */
public record StageContext(
    SparkSession spark, CloudshiftConfig config, RunContext run, DeltaTableWriter writer) {

  public static StageContext of(
      SparkSession spark, CloudshiftConfig config, Warehouse warehouse, RunContext run) {
    return new StageContext(
        spark,
        config,
        run,
        new DeltaTableWriter(spark, warehouse, run.commitMetadata())
            .withTableProperties(config.maintenance().tableProperties()));
  }

  /**
   * The context of one stage: its commits name the stage and the period it covers, not the command
   * (run-all) and the requested --period, which a gold stage does not honour.
   */
  public StageContext forStage(String stage, boolean honoursPeriod) {
    if (run == null) {
      return this;
    }
    RunContext stageRun = run.forStage(stage, honoursPeriod);
    return new StageContext(
        spark,
        config,
        stageRun,
        writer == null ? null : writer.withMetadata(stageRun.commitMetadata()));
  }
}
