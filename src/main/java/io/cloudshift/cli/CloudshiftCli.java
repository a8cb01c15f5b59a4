package io.cloudshift.cli;

import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.generate.UnsafeOutputException;
import io.cloudshift.ingest.DataQualityException;
import io.cloudshift.io.ConcurrentWriteException;
import io.cloudshift.io.InputException;
import io.cloudshift.io.UnreadableFileException;
import io.cloudshift.stage.RunStoppedException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point, the same under {@code spark-submit --class io.cloudshift.cli.CloudshiftCli} and
 * under {@code bin/cloudshift}. Exit codes: 0 done, 1 the job failed, 2 wrong usage, config or input.
 */
@Command(name = "cloudshift", mixinStandardHelpOptions = true, version = "cloudshift 0.1.0",
    description = "Spark batch jobs: how AI-lab / cloud-provider contract changes move provider revenue.",
    subcommands = {IngestCommand.class, SharesCommand.class, UpliftCommand.class, ProjectCommand.class, ReconcileCommand.class,
        RunAllCommand.class, GenerateCommand.class})
public final class CloudshiftCli implements Runnable {
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  private static final Logger LOG = LoggerFactory.getLogger(CloudshiftCli.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (main exits with it). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, help and usage on {@code out}, errors on {@code err}. */
  static int execute(PrintWriter stdout, PrintWriter stderr, String... args) {
    CommandLine cli = new CommandLine(new CloudshiftCli()).setOut(stdout).setErr(stderr);
    cli.setParameterExceptionHandler((e, argv) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println(e.getCommandLine().getCommandName() + ": " + e.getMessage()
          + " (see '" + qualifiedName(e.getCommandLine()) + " --help')");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      String name = qualifiedName(commandLine);
      if (e instanceof InvalidConfigException || e instanceof InputException || e instanceof UsageException
          || e instanceof UnsafeOutputException) {
        err.println(name + ": " + e.getMessage());
        return EXIT_USAGE;
      }
      if (e instanceof RunStoppedException stopped) {
        err.println(name + ": " + e.getMessage());
        return stopped.exitCode();
      }
      if (e instanceof DataQualityException || e instanceof UnreadableFileException || e instanceof ConcurrentWriteException) {
        err.println(name + ": " + e.getMessage());
        return EXIT_FAILED;
      }
      LOG.error("{} failed", name, e);
      err.println(name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage() + " (stack trace in the log above)");
      return EXIT_FAILED;
    });
    return cli.execute(args);
  }

  private static String qualifiedName(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName();
  }
}
