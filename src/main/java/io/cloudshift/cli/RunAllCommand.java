package io.cloudshift.cli;

import io.cloudshift.audit.JobRun;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageRunner;
import io.cloudshift.uplift.UpliftJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "run-all",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every stage in order in one Spark application.",
      "Runs ingest (for the months of --period), shares, uplift, project and reconcile, then prints"
          + " a summary that ends with the configured headline event (the bundled one: OpenAI and"
          + " Azure, 27 April 2026)."
    })
final class RunAllCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Mixin PeriodOption period;

  @Override
  public Integer call() {
    JobLauncher.launch(
        options,
        period.range(),
        "run-all",
        (spark, config, warehouse, run, stop) -> {
          StageContext context = StageContext.of(spark, config, warehouse, run);
          List<PipelineStage> pipeline = Stage.pipeline(context);
          StageRunner runner = new StageRunner(context, pipeline, stop);
          List<JobRun> stages = new ArrayList<>();
          for (PipelineStage stage : pipeline) {
            stages.add(runner.run(stage));
          }
          RunSummary.print(stages, spark, warehouse, config.reportingCurrency());
          config
              .headline()
              .ifPresent(
                  headline -> {
                    // The table as this run's uplift stage committed it: the summary never mixes in
                    // another run's commit.
                    Map<String, Long> versions =
                        stages.stream()
                            .filter(s -> s.job().equals(Stage.UPLIFT.command()))
                            .findFirst()
                            .orElseThrow()
                            .tableVersions();
                    System.out.println(
                        HeadlineSummary.render(
                            headline,
                            UpliftJob.headline(
                                context
                                    .writer()
                                    .read(
                                        Tables.UPLIFT_QUARTERLY,
                                        versions.get(Tables.UPLIFT_QUARTERLY)),
                                context
                                    .writer()
                                    .read(
                                        Tables.UPLIFT_ESTIMATES,
                                        versions.get(Tables.UPLIFT_ESTIMATES)),
                                headline.lab(),
                                headline.provider(),
                                headline.effectiveFrom()),
                            config.reportingCurrency()));
                  });
          return stages;
        });
    return 0;
  }
}
