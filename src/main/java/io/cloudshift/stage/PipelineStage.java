package io.cloudshift.stage;

import io.cloudshift.schema.TableSpec;
import java.util.List;

/**
 * One stage of the pipeline (README.md#commands): its declaration (name, tables read and written,
 * whether it honours {@code --period}) and its work. {@link StageRunner} runs every stage the same
 * way (inputs checked, one Spark job description, one {@code job_runs} row), so a stage only does
 * its own work; a stage's constructor passes its context and declaration here and nothing else. The
 * stage's {@link #context} is its own: every commit it makes names the stage and the period it
 * covers.
 */
public abstract class PipelineStage {
  protected final StageContext context;
  private final String name;
  private final List<TableSpec> reads;
  private final List<TableSpec> writes;
  private final boolean honoursPeriod;

  /**
   * @param name the subcommand that runs the stage, and its {@code job} in {@code job_runs}
   * @param reads the warehouse tables the stage reads; each must exist before it starts
   * @param writes the tables the stage writes; it writes no other
   * @param honoursPeriod whether the stage processes only the run's {@code --period} (ingest
   *     replaces that period's slices) or recomputes every month whatever the period (the gold
   *     stages, from the monthly aggregate): {@code job_runs} records the period the stage really
   *     covered
   */
  protected PipelineStage(
      StageContext context,
      String name,
      List<TableSpec> reads,
      List<TableSpec> writes,
      boolean honoursPeriod) {
    this.context = context == null ? null : context.forStage(name, honoursPeriod);
    this.name = name;
    this.reads = List.copyOf(reads);
    this.writes = List.copyOf(writes);
    this.honoursPeriod = honoursPeriod;
  }

  public final String name() {
    return name;
  }

  public final List<TableSpec> reads() {
    return reads;
  }

  public final List<TableSpec> writes() {
    return writes;
  }

  public final boolean honoursPeriod() {
    return honoursPeriod;
  }

  /**
   * Does the stage's work, touching tables only through {@code tables}, which records each commit
   * (and the inputs the stage reports) as it happens: that progress is the stage's result, and is
   * recorded in job_runs even when the stage fails half-way.
   */
  public abstract void execute(StageTables tables);
}
