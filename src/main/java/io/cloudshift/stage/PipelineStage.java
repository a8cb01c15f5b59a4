package io.cloudshift.stage;

import io.cloudshift.audit.StageProgress;
import java.util.List;

/**
 * One stage of the pipeline (SPEC §5): what it reads and writes, whether it honours {@code --period},
 * and its work. {@link StageRunner} runs every stage the same way (inputs checked, one Spark job
 * description, one {@code job_runs} row), so a stage only does its own work.
 */
public interface PipelineStage {

  /** The subcommand that runs the stage, and its {@code job} in {@code job_runs}. */
  String name();

  /** The warehouse tables the stage reads; each must exist before it starts. */
  List<String> reads();

  /** The tables the stage writes; it writes no other. */
  List<String> writes();

  /**
   * Whether the stage processes only the run's {@code --period} (ingest replaces that period's
   * slices) or recomputes every month whatever the period (the gold stages, from the monthly
   * aggregate): {@code job_runs} records the period the stage really covered.
   */
  boolean honoursPeriod();

  /**
   * Does the stage's work, reporting each input read and each commit to {@code progress} as it
   * happens: the progress is the stage's result, and is recorded even when the stage fails half-way.
   */
  void execute(StageProgress progress);
}
