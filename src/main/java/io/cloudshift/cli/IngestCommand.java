package io.cloudshift.cli;

import io.cloudshift.audit.JobRun;
import io.cloudshift.ingest.IngestJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
      "FOCUS billing exports, attribution rules, partnership records, lab revenue and provider disclosures",
      "into the silver tables, rejected rows into quarantine, one row into job_runs (SPEC §2, §3)."
    })
final class IngestCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() {
    JobLauncher.launch(options, "ingest", (spark, config, warehouse, run) -> {
      JobRun result = new IngestJob(spark, config, warehouse, run).execute();
      RunSummary.print(result, spark, warehouse);
      return result;
    });
    return 0;
  }
}
