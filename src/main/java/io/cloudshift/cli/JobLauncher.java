package io.cloudshift.cli;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.io.Warehouse;
import io.cloudshift.projection.ScenarioConfig;
import io.cloudshift.stage.RunStop;
import io.cloudshift.stage.StageRunner;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job the same way for every subcommand: arguments and config are checked before Spark
 * starts (so mistakes fail fast, with one line), the effective config is logged, and Spark is
 * stopped whatever happens.
 */
final class JobLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(JobLauncher.class);

  @FunctionalInterface
  interface Job<T> {
    /**
     * @param stop requested when a signal asks the run to stop: the job's stages stop there ({@link
     *     StageRunner})
     */
    T run(
        SparkSession spark,
        CloudshiftConfig config,
        Warehouse warehouse,
        RunContext run,
        RunStop stop);
  }

  private JobLauncher() {}

  /**
   * @param period the months to process: every month for the commands without {@code --period}
   */
  static <T> T launch(
      CommonOptions options, BillingPeriodRange period, String jobName, Job<T> job) {
    CloudshiftConfig config = options.loadConfig();
    // Scenarios are only read by `project`, but a typo in them should fail every run before Spark
    // starts.
    ScenarioConfig.read(config);
    RunContext run =
        new RunContext(
            options.runIdOrNew(),
            jobName,
            period,
            config.asOf().orElse(LocalDate.now(ZoneOffset.UTC)));
    LOG.info(
        "cloudshift {} run {} for period {}; effective configuration (hash {}):\n{}",
        jobName,
        run.runId(),
        period,
        config.hash(),
        config.render());
    SparkSession spark = SparkSessions.create(config, "cloudshift " + jobName);
    RunStop stop = new RunStop();
    SignalStop signals =
        SignalStop.install(
            spark.sparkContext(),
            stop,
            config.stopGracePeriod(),
            "cloudshift " + jobName,
            new PrintWriter(System.err, true));
    try {
      SparkJobs.interruptOnCancel(spark);
      return job.run(spark, config, new Warehouse(config.warehouse()), run, stop);
    } finally {
      try {
        spark.stop();
      } finally {
        signals.close();
      }
    }
  }
}
