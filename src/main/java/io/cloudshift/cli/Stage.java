package io.cloudshift.cli;

import io.cloudshift.audit.JobRun;
import io.cloudshift.audit.JobRunRecorder;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.ingest.IngestJob;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.projection.ProjectionJob;
import io.cloudshift.reconciliation.ReconcileJob;
import io.cloudshift.shares.SharesJob;
import io.cloudshift.uplift.UpliftJob;
import org.apache.spark.sql.SparkSession;

/** The pipeline's stages in order (SPEC §5); run-all runs them all, each subcommand one. */
enum Stage {
  INGEST("ingest"),
  SHARES("shares"),
  UPLIFT("uplift"),
  PROJECT("project"),
  RECONCILE("reconcile");

  private final String command;

  Stage(String command) {
    this.command = command;
  }

  String command() {
    return command;
  }

  /** Runs the stage and records its job_runs row. */
  JobRun run(SparkSession spark, CloudshiftConfig config, Warehouse warehouse, RunContext run) {
    if (this == INGEST) {
      return new IngestJob(spark, config, warehouse, run).execute();
    }
    DeltaTableWriter writer = new DeltaTableWriter(spark, warehouse, run.commitMetadata());
    return new JobRunRecorder(spark, config, run, writer).record(command, progress -> progress.wroteAll(switch (this) {
      case SHARES -> new SharesJob(spark, config, writer).execute();
      case UPLIFT -> new UpliftJob(spark, config, writer).execute();
      case PROJECT -> new ProjectionJob(spark, config, writer).execute();
      case RECONCILE -> new ReconcileJob(spark, config, writer).execute();
      case INGEST -> throw new IllegalStateException("ingest records itself");
    }));
  }
}
