package io.cloudshift.audit;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage and appends its {@code job_runs} row whether it succeeds or fails, so every run
 * leaves an audit trail with what the stage read and committed up to the end; the Spark job group
 * names the stage, so the Spark UI reads in business terms.
 */
public final class JobRunRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunRecorder.class);

  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final RunContext run;
  private final JobRunLog log;

  public JobRunRecorder(SparkSession spark, CloudshiftConfig config, RunContext run, DeltaTableWriter writer) {
    this.spark = spark;
    this.config = config;
    this.run = run;
    this.log = new JobRunLog(spark, writer);
  }

  public JobRun record(String job, Consumer<StageProgress> stage) {
    Instant started = Instant.now();
    StageProgress progress = new StageProgress();
    spark.sparkContext().setJobGroup(run.runId(), "cloudshift " + job + " " + run.period(), false);
    LOG.info("Stage {} started (run {}, period {})", job, run.runId(), run.period());
    try {
      stage.accept(progress);
    } catch (Throwable failure) {
      // Spark's SparkException and AnalysisException are checked in Scala's eyes only: catch them too.
      try {
        finish(job, started, progress, JobRun.FAILED, String.valueOf(failure.getMessage()));
      } catch (RuntimeException auditFailure) {
        failure.addSuppressed(auditFailure);
      }
      throw failure;
    }
    return finish(job, started, progress, JobRun.SUCCEEDED, null);
  }

  private JobRun finish(String job, Instant started, StageProgress progress, String status, String message) {
    spark.sparkContext().clearJobGroup();
    JobRun record = new JobRun(run.runId(), job, status, run.period().toString(), started, Instant.now(), config.hash(),
        progress.inputs(), progress.deliveries(), progress.tableVersionsInOrder(), message);
    log.record(record);
    LOG.info("Stage {} {} in {} s: {} table(s) written, {} rows in, {} silver, {} quarantined", job, status,
        (record.finishedAt().toEpochMilli() - started.toEpochMilli()) / 1000.0, record.tableVersions().size(),
        record.rowsIn(), record.rowsSilver(), record.rowsQuarantine());
    return record;
  }
}
