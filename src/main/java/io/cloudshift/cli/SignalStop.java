package io.cloudshift.cli;

import io.cloudshift.audit.JobRunLog;
import io.cloudshift.stage.RunStop;
import io.cloudshift.stage.RunStoppedException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops a run cleanly on SIGTERM (what Airflow and Kubernetes send to stop a task) and SIGINT
 * (Ctrl-C). The JVM's default would run the shutdown hooks at once, stopping Spark under the
 * running stage, so it would leave no job_runs row and print nothing. Instead: the run's Spark jobs
 * are cancelled (their tasks interrupted) and so is any job it starts afterwards but the audit
 * write; the stage records its FAILED row saying it was stopped and which tables it had committed;
 * the command prints one line and exits with 128 + the signal's number. Tables stay at a version,
 * as for a kill: each commit is atomic.
 *
 * <p>The time is bounded: when the run has not ended within the grace period, this thread records
 * the stage as stopped itself (waiting at most {@link #RECORD_TIMEOUT} for that write), prints the
 * line and halts the JVM. A second signal halts at once.
 */
final class SignalStop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalStop.class);
  private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(10);

  /** A second signal this soon after the first is the same one, delivered twice. */
  private static final Duration SAME_SIGNAL = Duration.ofSeconds(2);

  private static final String[] SIGNALS = {"TERM", "INT"};

  private final SparkContext spark;
  private final RunStop stop;
  private final Duration grace;
  private final String command;
  private final PrintWriter stderr;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private final SparkListener cancelNewJobs;
  private final AtomicLong firstSignalAt = new AtomicLong();

  private SignalStop(
      SparkContext spark, RunStop stop, Duration grace, String command, PrintWriter stderr) {
    this.spark = spark;
    this.stop = stop;
    this.grace = grace;
    this.command = command;
    this.stderr = stderr;
    this.cancelNewJobs =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart job) {
            if (stop.requested()
                && !"true".equals(job.properties().getProperty(JobRunLog.AUDIT_JOB_PROPERTY))) {
              spark.cancelJob(
                  job.jobId(), "the run is stopping (" + stop.signal().orElseThrow() + ")");
            }
          }
        };
  }

  /**
   * Handles SIGTERM and SIGINT until closed. {@code command} names the run in the line printed on a
   * forced exit.
   */
  static SignalStop install(
      SparkContext spark, RunStop stop, Duration grace, String command, PrintWriter stderr) {
    SignalStop handler = new SignalStop(spark, stop, grace, command, stderr);
    spark.addSparkListener(handler.cancelNewJobs);
    for (String name : SIGNALS) {
      Signal signal = new Signal(name);
      handler.previous.put(signal, Signal.handle(signal, handler::handle));
    }
    return handler;
  }

  private void handle(Signal signal) {
    String name = "SIG" + signal.getName();
    int exitCode = RunStoppedException.exitCodeOf(name);
    if (ended.getCount() == 0) {
      return;
    }
    long now = System.nanoTime();
    if (!firstSignalAt.compareAndSet(0, now)) {
      // A signal sent to the process group arrives twice (directly, and forwarded by
      // bin/cloudshift).
      if (now - firstSignalAt.get() < SAME_SIGNAL.toNanos()) {
        return;
      }
      LOG.error("{} received again while stopping: exiting now", name);
      Runtime.getRuntime().halt(exitCode);
    }
    stop.request(name);
    LOG.warn(
        "{} received: cancelling the run's Spark jobs; the running stage is recorded as stopped"
            + " (within {} s)",
        name,
        grace.toSeconds());
    try {
      spark.cancelAllJobs();
    } catch (IllegalStateException sparkAlreadyStopped) {
      // Nothing runs any more: the run is ending by itself.
    }
    try {
      if (ended.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      Thread record = new Thread(stop::recordRunningStage, "cloudshift-record-stop");
      record.setDaemon(true);
      record.start();
      record.join(RECORD_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stderr.println(
        command
            + ": stopped by "
            + name
            + "; the run did not end within "
            + grace.toSeconds()
            + " s of the signal, its stage is recorded as stopped in job_runs (rerun the period to"
            + " complete the run)");
    stderr.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  /**
   * The run has ended (its stage recorded, Spark stopped): signals get their default handling back.
   */
  @Override
  public void close() {
    ended.countDown();
    previous.forEach(Signal::handle);
    try {
      spark.removeSparkListener(cancelNewJobs);
    } catch (RuntimeException sparkStopped) {
      // The listener bus is gone with the context.
    }
  }
}
