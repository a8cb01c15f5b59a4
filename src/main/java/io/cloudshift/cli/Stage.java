package io.cloudshift.cli;

import io.cloudshift.ingest.IngestJob;
import io.cloudshift.projection.ProjectionJob;
import io.cloudshift.reconciliation.ReconcileJob;
import io.cloudshift.shares.SharesJob;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.uplift.UpliftJob;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The pipeline's stages in order (README.md#commands); run-all runs them all, each subcommand one.
 */
enum Stage {
  INGEST(IngestJob::new),
  SHARES(SharesJob::new),
  UPLIFT(UpliftJob::new),
  PROJECT(ProjectionJob::new),
  RECONCILE(ReconcileJob::new);

  private final Function<StageContext, PipelineStage> create;

  Stage(Function<StageContext, PipelineStage> create) {
    this.create = create;
  }

  /** The subcommand, which is also the stage's {@link PipelineStage#name()}. */
  String command() {
    return name().toLowerCase(Locale.ROOT);
  }

  PipelineStage create(StageContext context) {
    return create.apply(context);
  }

  /** Every stage, in order. */
  static List<PipelineStage> pipeline(StageContext context) {
    return Arrays.stream(values()).map(s -> s.create(context)).toList();
  }
}
