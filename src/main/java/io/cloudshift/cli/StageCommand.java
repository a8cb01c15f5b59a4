package io.cloudshift.cli;

import io.cloudshift.audit.JobRun;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A subcommand that runs one pipeline stage and prints its summary. */
abstract class StageCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  abstract Stage stage();

  /** The months to process: only ingest takes --period; the gold stages recompute every month. */
  BillingPeriodRange period() {
    return BillingPeriodRange.all();
  }

  @Override
  public Integer call() {
    JobLauncher.launch(
        options,
        period(),
        stage().command(),
        (spark, config, warehouse, run, stop) -> {
          StageContext context = StageContext.of(spark, config, warehouse, run);
          List<PipelineStage> pipeline = Stage.pipeline(context);
          JobRun result =
              new StageRunner(context, pipeline, stop).run(pipeline.get(stage().ordinal()));
          RunSummary.print(List.of(result), spark, warehouse, config.reportingCurrency());
          return result;
        });
    return 0;
  }
}
