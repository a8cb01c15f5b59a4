package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line in this JVM, for what needs no Spark: help, generate, and mistakes that give one
 * line and exit code 2. LauncherIT runs the real bin/cloudshift for the rest.
 */
class CloudshiftCliTest {
  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result cloudshift(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        CloudshiftCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /**
   * Issue 21, item 9: the command list showed each description's first line, cut mid-sentence; help
   * cited a SPEC the user cannot open; the gold stages offered --period and ignored it.
   */
  @Test
  void helpListsEachSubcommandInAWholeSentenceAndOnlyTheOptionsItHonours() {
    Result help = cloudshift("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout())
        .contains(
            "ingest      Reads the inputs into the silver and quarantine tables.",
            "shares      Computes each lab's spend shares and concentration by provider.",
            "uplift      Estimates what each terms change gained or cost the provider.",
            "project     Projects the uplift forward for each configured scenario.",
            "reconcile   Compares lab-attributed revenue with the providers' public",
            "run-all     Runs every stage in order in one Spark application.",
            "maintain    Compacts, vacuums and checkpoints every table of the warehouse;",
            "changes     Reports what changed between two runs, and which re-deliveries",
            "sql-server  Serves the warehouse's tables over SQL to Spark Connect clients.",
            "generate    Writes synthetic FOCUS exports with their planted truth.");
    for (String command :
        List.of(
            "ingest",
            "shares",
            "uplift",
            "project",
            "reconcile",
            "run-all",
            "maintain",
            "changes",
            "sql-server",
            "generate")) {
      Result commandHelp = cloudshift(command, "--help");
      assertThat(commandHelp.stdout()).as(command).doesNotContain("SPEC");
      boolean processesAPeriod = command.equals("ingest") || command.equals("run-all");
      assertThat(commandHelp.stdout().contains("--period"))
          .as(command + " offers --period")
          .isEqualTo(processesAPeriod);
    }
    assertThat(cloudshift("ingest", "--help").stdout())
        .contains("--config", "--set", "--run-id", "--warehouse");
    Result ignored = cloudshift("shares", "--period", "2026-09");
    assertThat(ignored.exitCode()).isEqualTo(2);
    assertThat(ignored.stderr().strip())
        .isEqualTo(
            "shares: Unknown options: '--period', '2026-09' (see 'cloudshift shares --help')");
  }

  @Command(name = "any-stage")
  private static final class AnyStage {
    @Mixin CommonOptions options = new CommonOptions();
  }

  private static CommonOptions parsed(String... args) {
    AnyStage stage = new AnyStage();
    new CommandLine(stage).parseArgs(args);
    return stage.options;
  }

  @Test
  void registerTablesTurnsCatalogRegistrationOnLikeTheConfigKey() {
    assertThat(
            parsed("--register-tables", "--set", "catalog.database=finops")
                .loadConfig()
                .catalogDatabase())
        .contains("finops");
    assertThat(parsed().loadConfig().catalogDatabase()).isEmpty();
  }

  /** Issue 23, item 4: the SQL server listens on loopback unless told otherwise. */
  @Test
  void sqlServerBindsToLoopbackByDefaultAndSparkConnectListensWhereToldOtherwise() {
    SqlServerCommand server = new SqlServerCommand();
    new CommandLine(server).parseArgs("--warehouse", "wh");
    assertThat(server.serverSettings(parsed().loadConfig()))
        .containsEntry("spark.connect.grpc.binding.address", "127.0.0.1")
        .containsEntry("spark.connect.grpc.binding.port", "15002")
        .containsEntry("spark.ui.enabled", "false");
    new CommandLine(server).parseArgs("--host", "0.0.0.0", "--port", "16000");
    assertThat(server.serverSettings(parsed().loadConfig()))
        .containsEntry("spark.connect.grpc.binding.address", "0.0.0.0")
        .containsEntry("spark.connect.grpc.binding.port", "16000");
  }

  /** Off loopback without a token in the environment: one line, exit 2, before Spark starts. */
  @Test
  void sqlServerOffLoopbackWithoutATokenIsRefusedBeforeSparkStarts() {
    assumeFalse(System.getenv(SqlServerCommand.TOKEN_ENV) != null, "a token is set here");
    Result refused = cloudshift("sql-server", "--host", "0.0.0.0", "--warehouse", "wh");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.stderr().strip())
        .startsWith("cloudshift sql-server: --host 0.0.0.0 is reachable from other machines:")
        .doesNotContain("\n");
  }

  @Test
  void generateWritesSmallDeterministicExportsWithTheirTruth(@TempDir Path dir) {
    Path out = dir.resolve("generated");
    Result run =
        cloudshift(
            "generate",
            "--rows",
            "500",
            "--from",
            "2026-01",
            "--to",
            "2026-02",
            "--output",
            out.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Generated", "files under " + out);
    assertThat(out.resolve("azure-focus/billing_period=2026-02/azure-focus-2026-02.csv.gz"))
        .exists();
    assertThat(out.resolve("aws-focus/billing_period=2026-01/aws-focus-2026-01.parquet")).exists();
    assertThat(out.resolve("_truth/monthly_revenue.csv")).exists();
    assertThat(out.resolve(".cloudshift-generated")).exists();
  }

  /**
   * The exports here are a stand-in for real provider data in a temporary folder: were the refusal
   * broken, this test must not destroy anything but its own files.
   */
  @Test
  void generateNeedsAnOutputAndNeverWritesWhereTheConfigurationReadsExports(@TempDir Path dir)
      throws IOException {
    Path exports = dir.resolve("exports");
    Path invoice = exports.resolve("azure/billing_period=2026-09/part-0001.csv");
    Files.createDirectories(invoice.getParent());
    Files.writeString(invoice, "BilledCost\n12.50\n");
    String realExport =
        "exports=[{ id = azure-real, provider = azure, format = csv, path = \""
            + exports.resolve("azure")
            + "\" }]";

    Result missing = cloudshift("generate", "--rows", "500", "--set", realExport);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr().strip())
        .isEqualTo(
            "generate: Missing required option: '--output=DIR' (see 'cloudshift generate --help')");

    Result over =
        cloudshift(
            "generate", "--rows", "500", "--set", realExport, "--output", exports.toString());
    assertThat(over.exitCode()).isEqualTo(2);
    assertThat(over.stderr().strip())
        .isEqualTo(
            "cloudshift generate: Cannot generate into "
                + exports
                + ": export 'azure-real' is read from "
                + exports.resolve("azure")
                + ", and generate never writes where exports are read (choose another --output)");
    try (Stream<Path> files = Files.walk(exports)) {
      assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(invoice);
    }
    assertThat(Files.readString(invoice)).isEqualTo("BilledCost\n12.50\n");
  }

  @Test
  void mistakesGiveOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
    Result flag = cloudshift("ingest", "--bogus");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.stderr().strip())
        .isEqualTo("ingest: Unknown option: '--bogus' (see 'cloudshift ingest --help')");

    Result period = cloudshift("ingest", "--period", "2024-13");
    assertThat(period.exitCode()).isEqualTo(2);
    assertThat(period.stderr().strip())
        .startsWith("cloudshift ingest: Invalid --period: '2024-13' is not a month or a range")
        .doesNotContain("\n");

    Result config = cloudshift("ingest", "--set", "quality.max-reject-ratio=7");
    assertThat(config.exitCode()).isEqualTo(2);
    assertThat(config.stderr().strip())
        .isEqualTo(
            "cloudshift ingest: Invalid config cloudshift.quality.max-reject-ratio: 7.0 must be a"
                + " fraction between 0 and 1");

    // Issue 8: a warehouse that is a regular file was a DeltaIOException stack trace and exit 1.
    Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "not a warehouse");
    Result warehouse = cloudshift("shares", "--warehouse", notAFolder.toString());
    assertThat(warehouse.exitCode()).isEqualTo(2);
    assertThat(warehouse.stderr().strip())
        .isEqualTo(
            "cloudshift shares: Invalid config cloudshift.warehouse: "
                + notAFolder
                + " is a file, not a folder");
    Result underAFile =
        cloudshift("ingest", "--warehouse", notAFolder.resolve("warehouse").toString());
    assertThat(underAFile.exitCode()).isEqualTo(2);
    assertThat(underAFile.stderr().strip())
        .isEqualTo(
            "cloudshift ingest: Invalid config cloudshift.warehouse: "
                + notAFolder.resolve("warehouse")
                + " cannot be created: "
                + notAFolder
                + " is a file");

    Result rows = cloudshift("generate", "--rows", "0", "--output", "target/never-written");
    assertThat(rows.exitCode()).isEqualTo(2);
    assertThat(rows.stderr().strip())
        .isEqualTo("cloudshift generate: Invalid --rows 0: must be a positive number");
  }

  /**
   * Issue 20, item 2: an empty warehouse made every table path {@code /<table>} (as root: ten
   * tables in the file-system root). Empty, blank and root warehouses are usage errors, from a
   * flag, --set or a config file. {@code shares} is used so that, were the check missing, the run
   * would only fail to find its input under / rather than write there.
   */
  @Test
  void anEmptyOrRootWarehouseIsAUsageError(@TempDir Path dir) throws IOException {
    Path emptyInFile =
        Files.writeString(dir.resolve("empty-warehouse.conf"), "cloudshift.warehouse = \"\"\n");
    for (String[] args :
        List.of(
            new String[] {"shares", "--warehouse", ""},
            new String[] {"shares", "--warehouse", "   "},
            new String[] {"shares", "--set", "warehouse="},
            new String[] {"shares", "--config", emptyInFile.toString()})) {
      Result run = cloudshift(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.stderr().strip())
          .as(String.join(" ", args))
          .isEqualTo(
              "cloudshift shares: Invalid config cloudshift.warehouse: is empty "
                  + "(give the folder the tables go in, e.g. warehouse or s3a://bucket/warehouse)");
    }
    for (String root :
        List.of("/", "//", "/tmp/..", "file:///", "file:/", "s3a://bucket", "s3a://bucket/")) {
      Result run = cloudshift("shares", "--warehouse", root);
      assertThat(run.exitCode()).as(root).isEqualTo(2);
      assertThat(run.stderr().strip())
          .as(root)
          .isEqualTo(
              "cloudshift shares: Invalid config cloudshift.warehouse: '"
                  + root
                  + "' is the root of its file system (give a folder under it, e.g."
                  + " /data/cloudshift or s3a://bucket/warehouse)");
    }
  }

  /**
   * Issue 20, item 7: two exports over the same files crashed with IllegalStateException: Duplicate
   * key (exit 1).
   */
  @Test
  void exportsReadingTheSameFilesAreAConfigError(@TempDir Path dir) throws IOException {
    Path azure = Files.createDirectories(dir.resolve("exports/azure"));
    String same =
        "exports=[{ id = a, provider = azure, format = csv, path = \""
            + azure
            + "\" },"
            + " { id = b, provider = azure, format = csv, path = \""
            + azure
            + "/\" }]";
    Result twice = cloudshift("ingest", "--warehouse", dir.resolve("wh").toString(), "--set", same);
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.stderr().strip())
        .isEqualTo(
            "cloudshift ingest: Invalid config cloudshift.exports: exports 'a' and 'b' read the"
                + " same files (the same path); give each export a folder of its own");

    String nested =
        "exports=[{ id = all, provider = azure, format = csv, path = \""
            + dir.resolve("exports")
            + "\" },"
            + " { id = azure, provider = azure, format = csv, path = \""
            + azure
            + "\" }]";
    Result inside =
        cloudshift("ingest", "--warehouse", dir.resolve("wh").toString(), "--set", nested);
    assertThat(inside.exitCode()).isEqualTo(2);
    assertThat(inside.stderr().strip())
        .isEqualTo(
            "cloudshift ingest: Invalid config cloudshift.exports: exports 'all' and 'azure' read"
                + " the same files ("
                + azure
                + " lies inside "
                + dir.resolve("exports")
                + "); give each export a folder of its own");
  }

  /**
   * Issue 20, item 8: a secret that fails to parse was printed in the exit-2 line. Every message
   * about a config value goes through the masking of the logged configuration, for values that
   * parse too.
   */
  @Test
  void noErrorMessageShowsASecretValue() {
    String secret = "SECRET-sv=2024&sig=abc123";
    Result unparsable =
        cloudshift("shares", "--set", "spark.conf.\"spark.hadoop.fs.azure.sas.token\"=[" + secret);
    assertThat(unparsable.exitCode()).isEqualTo(2);
    assertThat(unparsable.stderr())
        .contains(
            "Cannot parse --set cloudshift.spark.conf.\"spark.hadoop.fs.azure.sas.token\"=********")
        .doesNotContain(secret)
        .doesNotContain("SECRET");

    Result wrongType =
        cloudshift(
            "shares",
            "--set",
            "spark.conf.\"fs.s3a.secret.key\"={ nested = \"" + secret + "\" }",
            "--set",
            "quality.max-reject-ratio=" + secret);
    assertThat(wrongType.exitCode()).isEqualTo(2);
    assertThat(wrongType.stderr()).doesNotContain(secret);

    // The same text as a non-secret key's bad value, which the message quotes: masked there too.
    Result echoed =
        cloudshift(
            "shares",
            "--set",
            "spark.conf.\"spark.hadoop.fs.azure.account.key.acct\"=" + secret,
            "--set",
            "reporting-currency=" + secret);
    assertThat(echoed.exitCode()).isEqualTo(2);
    assertThat(echoed.stderr().strip())
        .isEqualTo(
            "cloudshift shares: Invalid config cloudshift.reporting-currency: "
                + "'********' is not one of cloudshift.focus.currencies");
  }

  /** A folder the user cannot write (root writes anywhere, so this runs only as another user). */
  @Test
  void aWarehouseThatIsNotWritableIsAUsageError(@TempDir Path dir) throws IOException {
    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
    try {
      assumeFalse(Files.isWritable(readOnly), "running as root: every folder is writable");
      Result run = cloudshift("ingest", "--warehouse", readOnly.resolve("warehouse").toString());
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr().strip())
          .isEqualTo(
              "cloudshift ingest: Invalid config cloudshift.warehouse: "
                  + readOnly.resolve("warehouse")
                  + " is not writable: "
                  + readOnly
                  + " is not");
    } finally {
      readOnly.toFile().setWritable(true, false);
    }
  }
}
