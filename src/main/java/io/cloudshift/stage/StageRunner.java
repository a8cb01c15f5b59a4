package io.cloudshift.stage;

import io.cloudshift.audit.JobRun;
import io.cloudshift.audit.JobRunLog;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.CatalogTables;
import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.lineage.StageLineage;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any {@link PipelineStage} under the contract they share: the tables it reads must exist
 * (else one line naming the stage that writes the missing one), everything it runs carries one
 * Spark job description (restored afterwards, so nothing leaks into the next stage), it may write
 * only the tables it declares, and one {@code job_runs} row is appended whether it succeeds or
 * fails, with what it read and committed up to the end, and, when lineage is on, one OpenLineage
 * START and one COMPLETE or FAIL event saying the same. The {@link JobRun} returned is what the run
 * summary prints.
 */
public final class StageRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

  private final StageContext context;
  private final Map<String, String> producers = new LinkedHashMap<>();
  private final RunStop stop;
  private final StageLineage lineage;

  /** The stage running now, so a stop can record it from another thread; null between stages. */
  private final AtomicReference<Running> running = new AtomicReference<>();

  /** A stage under way, recorded in job_runs exactly once, by whichever thread gets there first. */
  private record Running(
      PipelineStage stage,
      BillingPeriodRange covered,
      Instant started,
      StageProgress progress,
      AtomicBoolean recorded,
      UUID lineageRun) {}

  /**
   * @param pipeline every stage, so a missing input can be traced to the stage that writes it
   */
  public StageRunner(StageContext context, Collection<? extends PipelineStage> pipeline) {
    this(context, pipeline, new RunStop());
  }

  /**
   * As the other constructor, stopping when {@code stop} is requested (a signal); lineage as the
   * context's config and Spark settings say.
   */
  public StageRunner(
      StageContext context, Collection<? extends PipelineStage> pipeline, RunStop stop) {
    this(context, pipeline, stop, StageLineage.of(context));
  }

  /** As the other constructors, sending the stages' lineage events to {@code lineage}. */
  public StageRunner(
      StageContext context,
      Collection<? extends PipelineStage> pipeline,
      RunStop stop,
      StageLineage lineage) {
    this.context = context;
    this.lineage = lineage;
    pipeline.forEach(
        stage ->
            stage.writes().forEach(table -> producers.putIfAbsent(table.name(), stage.name())));
    this.stop = stop;
    stop.recordWith(this::recordStopped);
  }

  public JobRun run(PipelineStage stage) {
    if (stop.requested()) {
      throw new RunStoppedException(
          "stopped by "
              + stop.signal().orElseThrow()
              + " before stage "
              + stage.name()
              + " started (rerun the period to complete the run)",
          RunStoppedException.exitCodeOf(stop.signal().orElseThrow()),
          null);
    }
    Instant started = Instant.now();
    StageProgress progress = new StageProgress();
    BillingPeriodRange requested = context.run().period();
    BillingPeriodRange covered = stage.honoursPeriod() ? requested : BillingPeriodRange.all();
    UUID lineageRun =
        lineage.started(
            stage.name(), stage.reads(), stage.writes(), context.run().runId(), covered, started);
    Running current =
        new Running(stage, covered, started, progress, new AtomicBoolean(), lineageRun);
    running.set(current);
    try {
      return run(current);
    } finally {
      running.compareAndSet(current, null);
    }
  }

  private JobRun run(Running current) {
    PipelineStage stage = current.stage();
    BillingPeriodRange covered = current.covered();
    StageProgress progress = current.progress();
    BillingPeriodRange requested = context.run().period();
    LOG.info(
        "Stage {} started (run {}, period {}): reads {}, writes {}",
        stage.name(),
        context.run().runId(),
        covered,
        stage.reads().isEmpty() ? "the configured inputs" : names(stage.reads()),
        names(stage.writes()));
    if (!stage.honoursPeriod() && !requested.isAll()) {
      LOG.info(
          "Stage {} recomputes every month from the tables it reads: --period {} chose what ingest"
              + " replaced",
          stage.name(),
          requested);
    }
    try {
      SparkJobs.described(
          context.spark(),
          "cloudshift " + stage.name() + " " + covered,
          () -> {
            requireInputs(stage);
            stage.execute(StageTables.of(stage, progress));
            return null;
          });
      requireDeclaredOutputs(stage, progress);
    } catch (Throwable failure) {
      // Spark's SparkException and AnalysisException are checked in Scala's eyes only: catch them
      // too.
      if (stop.requested()) {
        String stopped = stoppedMessage(current);
        try {
          finish(current, JobRun.FAILED, stopped);
        } catch (RuntimeException auditFailure) {
          failure.addSuppressed(auditFailure);
        }
        throw new RunStoppedException(
            stopped + "; job_runs has its FAILED row (rerun the period to complete the run)",
            RunStoppedException.exitCodeOf(stop.signal().orElseThrow()),
            failure);
      }
      try {
        finish(current, JobRun.FAILED, String.valueOf(failure.getMessage()));
      } catch (RuntimeException auditFailure) {
        failure.addSuppressed(auditFailure);
      }
      throw failure;
    }
    JobRun succeeded = finish(current, JobRun.SUCCEEDED, null);
    if (succeeded == null) {
      // A stop recorded the stage as it ended: the row says stopped, and so does the run.
      throw new RunStoppedException(
          stoppedMessage(current),
          RunStoppedException.exitCodeOf(stop.signal().orElse("SIGTERM")),
          null);
    }
    context
        .config()
        .catalogDatabase()
        .ifPresent(
            database -> {
              List<String> tables = new ArrayList<>(names(stage.writes()));
              tables.add(Tables.JOB_RUNS);
              new CatalogTables(context.spark(), context.writer(), database).register(tables);
            });
    return succeeded;
  }

  private void requireInputs(PipelineStage stage) {
    for (TableSpec table : stage.reads()) {
      if (!context.writer().exists(table.name())) {
        String producer = producers.get(table.name());
        throw new InputNotFoundException(
            "Cannot run "
                + stage.name()
                + ": table "
                + table.name()
                + " does not exist under "
                + context.writer().root()
                + (producer == null ? "" : " (run `cloudshift " + producer + "` first)"));
      }
    }
  }

  private static List<String> names(List<TableSpec> tables) {
    return tables.stream().map(TableSpec::name).toList();
  }

  /**
   * A stage that writes a table it does not declare has a contract out of date: a bug, caught here.
   */
  private static void requireDeclaredOutputs(PipelineStage stage, StageProgress progress) {
    Set<String> undeclared = new TreeSet<>(progress.tableVersions().keySet());
    undeclared.removeAll(names(stage.writes()));
    if (!undeclared.isEmpty()) {
      throw new IllegalStateException(
          "Stage "
              + stage.name()
              + " wrote "
              + undeclared
              + ", which it does not declare in writes() "
              + names(stage.writes())
              + " (this is a bug)");
    }
  }

  /**
   * Records the running stage as stopped, from the thread that asked for the stop, when the stage
   * did not end by itself in time (a Spark job that does not answer its cancellation, driver work
   * that cannot be interrupted). Nothing when no stage runs or it has its row already.
   */
  private void recordStopped() {
    Running current = running.get();
    if (current != null) {
      finish(current, JobRun.FAILED, stoppedMessage(current) + " (the stage did not end in time)");
    }
  }

  private String stoppedMessage(Running current) {
    Map<String, Long> committed = current.progress().tableVersionsInOrder();
    return "stopped by "
        + stop.signal().orElse("a signal")
        + " during stage "
        + current.stage().name()
        + "; committed before the stop: "
        + (committed.isEmpty()
            ? "no table"
            : committed.entrySet().stream()
                .map(e -> e.getKey() + " version " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
  }

  /**
   * Appends the stage's job_runs row, once (the stage's own thread and a stop may both try); null
   * when it was already.
   */
  private JobRun finish(Running current, String status, String message) {
    if (!current.recorded().compareAndSet(false, true)) {
      return null;
    }
    PipelineStage stage = current.stage();
    StageProgress progress = current.progress();
    Instant started = current.started();
    List<String> lines = new ArrayList<>();
    if (message != null) {
      lines.add(message);
    }
    lines.addAll(progress.notes());
    JobRun record =
        new JobRun(
            context.run().runId(),
            stage.name(),
            status,
            current.covered().toString(),
            started,
            Instant.now(),
            context.config().hash(),
            progress.inputs(),
            progress.deliveries(),
            progress.tableVersionsInOrder(),
            lines.isEmpty() ? null : String.join("; ", lines),
            context.run().asOf());
    // The audit row is the stage's commit like any other: stamped with the stage and the period it
    // covered.
    RunContext stageRun = context.run().forStage(stage.name(), stage.honoursPeriod());
    new JobRunLog(context.spark(), context.writer().withMetadata(stageRun.commitMetadata()))
        .record(record);
    lineage.ended(current.lineageRun(), stage.reads(), record);
    LOG.info(
        "Stage {} {} in {} s: {} table(s) written, {} rows in, {} silver, {} quarantined",
        stage.name(),
        status,
        (record.finishedAt().toEpochMilli() - started.toEpochMilli()) / 1000.0,
        record.tableVersions().size(),
        record.rowsIn(),
        record.rowsSilver(),
        record.rowsQuarantine());
    return record;
  }
}
