package io.cloudshift.cli;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.maintenance.MaintainJob;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Compacts, vacuums and checkpoints every table of the warehouse; the rows are unchanged.",
      "Sets the retention properties of cloudshift.maintenance where a table lacks them, bin-packs"
          + " each partition's small files (OPTIMIZE), deletes the files no version within"
          + " cloudshift.maintenance.retention reads (VACUUM: replaced versions, killed runs), and"
          + " checkpoints each log. Prints each table's files, bytes and versions before and after."
          + " See docs/operations.md#table-maintenance."
    })
final class MaintainCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Override
  public Integer call() {
    JobLauncher.launch(
        options,
        BillingPeriodRange.all(),
        "maintain",
        (spark, config, warehouse, run, stop) -> {
          StageContext context = StageContext.of(spark, config, warehouse, run);
          MaintainJob job = new MaintainJob(context);
          new StageRunner(context, List.of(job), stop).run(job);
          System.out.println(render(job.report(), warehouse.root()));
          return null;
        });
    return 0;
  }

  static String render(List<MaintainJob.TableReport> report, String root) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%nMaintained the tables under %s (before -> after):%n", root));
    out.append(
        String.format(
            "  %-30s %13s %15s %17s %23s %11s%n",
            "table", "version", "live files", "stored files", "stored MB", "log files"));
    for (MaintainJob.TableReport r : report) {
      out.append(
          String.format(
              "  %-30s %6d -> %-4d %6d -> %-5d %7d -> %-6d %10.2f -> %-9.2f %4d -> %-4d%n",
              r.table(),
              r.before().version(),
              r.after().version(),
              r.before().liveFiles(),
              r.after().liveFiles(),
              r.before().storedFiles(),
              r.after().storedFiles(),
              r.before().storedBytes() / 1e6,
              r.after().storedBytes() / 1e6,
              r.before().logFiles(),
              r.after().logFiles()));
    }
    return out.toString();
  }
}
