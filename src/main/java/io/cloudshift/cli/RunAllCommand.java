package io.cloudshift.cli;

import io.cloudshift.audit.JobRun;
import io.cloudshift.ingest.IngestJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run-all", mixinStandardHelpOptions = true,
    description = "Every stage in order for the period, in one Spark application, then a summary. Stages so far: ingest.")
final class RunAllCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() {
    JobLauncher.launch(options, "run-all", (spark, config, warehouse, run) -> {
      JobRun ingest = new IngestJob(spark, config, warehouse, run).execute();
      RunSummary.print(ingest, spark, warehouse);
      return ingest;
    });
    return 0;
  }
}
