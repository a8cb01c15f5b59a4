package io.cloudshift.audit;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stage and appends its {@code job_runs} row whether it succeeds or fails, so every run
 * leaves an audit trail; the Spark job group names the stage, so the Spark UI reads in business terms.
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

  public JobRun record(String job, Supplier<StageResult> stage) {
    Instant started = Instant.now();
    spark.sparkContext().setJobGroup(run.runId(), "cloudshift " + job + " " + run.period(), false);
    LOG.info("Stage {} started (run {}, period {})", job, run.runId(), run.period());
    StageResult result;
    try {
      result = stage.get();
    } catch (RuntimeException e) {
      finish(job, started, new StageResult(List.of(), Map.of()), JobRun.FAILED, e.getMessage());
      throw e;
    }
    return finish(job, started, result, JobRun.SUCCEEDED, null);
  }

  private JobRun finish(String job, Instant started, StageResult result, String status, String message) {
    spark.sparkContext().clearJobGroup();
    JobRun record = new JobRun(run.runId(), job, status, run.period().toString(), started, Instant.now(), config.hash(),
        List.copyOf(result.inputs()), Map.copyOf(result.tableVersions()), message);
    log.record(record);
    LOG.info("Stage {} {} in {} s: {} table(s) written, {} rows in, {} silver, {} quarantined", job, status,
        (record.finishedAt().toEpochMilli() - started.toEpochMilli()) / 1000.0, record.tableVersions().size(),
        record.rowsIn(), record.rowsSilver(), record.rowsQuarantine());
    return record;
  }
}
