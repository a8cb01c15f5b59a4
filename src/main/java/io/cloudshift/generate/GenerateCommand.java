package io.cloudshift.generate;

import io.cloudshift.cli.CommonOptions;
import io.cloudshift.cli.UsageException;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes synthetic FOCUS exports with their planted truth.",
      "One export per configured provider export, seeded and deterministic, with share shifts"
          + " planted at the real contract events and the planted truth written beside the data"
          + " (_truth/)."
    })
public final class GenerateCommand implements Callable<Integer> {
  private static final GeneratorOptions DEFAULTS = GeneratorOptions.defaults();

  @Mixin CommonOptions options;

  @Spec CommandSpec spec;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = DEFAULTS.seed();

  @Option(
      names = "--rows",
      description =
          "Approximate total rows over all exports and months (default: ${DEFAULT-VALUE}); amounts"
              + " do not depend on it.")
  int rows = DEFAULTS.rows();

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First billing month (default: ${DEFAULT-VALUE}).")
  YearMonth from = DEFAULTS.firstMonth();

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last billing month (default: ${DEFAULT-VALUE}).")
  YearMonth to = DEFAULTS.lastMonth();

  @Option(
      names = "--output",
      paramLabel = "DIR",
      required = true,
      description =
          "A new local folder, or one generate wrote before (never where an export is read from).")
  String output;

  @Override
  public Integer call() {
    if (rows <= 0) {
      throw new UsageException("Invalid --rows " + rows + ": must be a positive number");
    }
    if (to.isBefore(from)) {
      throw new UsageException("Invalid --from/--to: " + from + " is after " + to);
    }
    GenerateResult result =
        new GenerateJob(options.loadConfig(), new GeneratorOptions(seed, rows, from, to, output))
            .execute();
    spec.commandLine()
        .getOut()
        .printf(
            "Generated %,d rows in %d files under %s; planted truth in %s%n",
            result.rowsWritten(),
            result.filesWritten(),
            result.outputRoot(),
            result.plantedTruthPath());
    return 0;
  }
}
