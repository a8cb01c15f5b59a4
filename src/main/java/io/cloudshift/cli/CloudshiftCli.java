package io.cloudshift.cli;

import io.cloudshift.CloudshiftException;
import java.io.PrintWriter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point, the same under {@code spark-submit --class io.cloudshift.cli.CloudshiftCli} and
 * under {@code bin/cloudshift}. Exit codes: 0 done, 1 the job failed, 2 wrong usage, config or
 * input.
 */
@Command(
    name = "cloudshift",
    mixinStandardHelpOptions = true,
    version = "cloudshift 0.1.0",
    description =
        "Spark batch jobs: how AI-lab / cloud-provider contract changes move provider revenue.",
    subcommands = {
      IngestCommand.class,
      SharesCommand.class,
      UpliftCommand.class,
      ProjectCommand.class,
      ReconcileCommand.class,
      RunAllCommand.class,
      MaintainCommand.class,
      ChangesCommand.class,
      SqlServerCommand.class
    })
public final class CloudshiftCli implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CloudshiftCli.class);

  /**
   * The synthetic-data generator: a development and demo tool, shipped in its own jar
   * (cloudshift-generate.jar) rather than in the job's, and a subcommand only where that jar is on
   * the class path (bin/cloudshift adds it for {@code generate}).
   */
  private static final String GENERATE_COMMAND = "io.cloudshift.generate.GenerateCommand";

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
    CommandLine cli = new CommandLine(new CloudshiftCli());
    Optional<Object> generate = generateCommand();
    if (generate.isPresent()) {
      cli.addSubcommand(generate.get());
    } else if (args.length > 0 && args[0].equals("generate")) {
      stderr.println(
          "cloudshift generate: the generator is not in this jar: it is the separate artifact"
              + " cloudshift-generate.jar (bin/cloudshift generate adds it; with spark-submit, pass"
              + " --jars target/cloudshift-generate.jar)");
      return CloudshiftException.EXIT_USAGE;
    }
    // After the subcommands: the writers are set on every command already added.
    cli.setOut(stdout).setErr(stderr);
    cli.setParameterExceptionHandler(
        (e, argv) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println(
              e.getCommandLine().getCommandName()
                  + ": "
                  + e.getMessage()
                  + " (see '"
                  + qualifiedName(e.getCommandLine())
                  + " --help')");
          return CloudshiftException.EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          String name = qualifiedName(commandLine);
          if (e instanceof CloudshiftException explained) {
            err.println(name + ": " + e.getMessage());
            return explained.exitCode();
          }
          LOG.error("{} failed", name, e);
          err.println(
              name
                  + " failed: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage()
                  + " (stack trace in the log above)");
          return CloudshiftException.EXIT_FAILED;
        });
    return cli.execute(args);
  }

  private static Optional<Object> generateCommand() {
    try {
      return Optional.of(Class.forName(GENERATE_COMMAND).getDeclaredConstructor().newInstance());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create " + GENERATE_COMMAND + " (this is a bug)", e);
    }
  }

  private static String qualifiedName(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName();
  }
}
