package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command for real: bin/cloudshift → PySpark's spark-submit → the shaded jar, on
 * the bundled data. Checks exit codes, the one-line errors and the tables the run leaves behind
 * (CloudshiftCliTest runs in this JVM what needs no Spark: help, generate, mistakes found early).
 */
class LauncherIT {
  /** The bundled run-all's warehouse: a relative one, like the README's default ./warehouse, but inside target/. */
  private static final Path RUN_ALL_WAREHOUSE = Path.of("target", "launcher-it-warehouse");
  /** Values that must appear nowhere: in the environment, and in --set keys that look secret or are unknown to be harmless. */
  private static final String ENV_SECRET = "fake-env-secret-7f3a9c";
  private static final String SET_SECRET = "fake-set-secret-51d0e8";

  @TempDir Path dir;

  private record Result(int exitCode, String stdout, String stderr) {}

  private Result cloudshift(String... args) throws IOException, InterruptedException {
    Process process = launch(Map.of(), args);
    assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("bin/cloudshift finished").isTrue();
    return new Result(process.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  private Process launch(Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bin/cloudshift"));
    command.addAll(List.of(args));
    ProcessBuilder launch = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    // The class-data archive is a per-machine cache whose first run-all is ~30 s slower: the benchmark's business, not CI's.
    launch.environment().put("CLOUDSHIFT_CDS", "off");
    launch.environment().putAll(environment);
    return launch.start();
  }

  /** Mistakes found before Spark starts are CloudshiftCliTest's; this one is found by the Spark job. */
  @Test
  void aMissingExportGivesOneLineAndExitCodeTwoThroughSparkSubmit() throws Exception {
    Result missing = cloudshift("ingest", "--warehouse", dir.resolve("wh").toString(),
        "--set", "exports=[{ id = lost, provider = aws, format = csv, path = \"" + dir.resolve("nowhere") + "\" }]");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).contains("Cannot read export 'lost':").contains("does not exist");
    assertThat(missing.stderr()).doesNotContain("\tat io.cloudshift");
  }

  /**
   * Also the secrets test (SPEC §6 "No credentials in code, conf or logs"): the run is given fake
   * secrets through the environment and --set, and none appears in its output or its warehouse
   * (tables, job_runs, Delta commit info: every byte of every file).
   */
  @Test
  void runAllOnTheBundledDataWritesTheTablesAndPrintsASummary() throws Exception {
    Path relative = RUN_ALL_WAREHOUSE;
    if (Files.exists(relative)) {
      try (var paths = Files.walk(relative)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Path warehouse = relative.toAbsolutePath();
    Process launched = launch(Map.of("CLOUDSHIFT_IT_SECRET", ENV_SECRET), "run-all", "--warehouse", relative.toString(), "--run-id", "launcher-it",
        "--set", "spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=${CLOUDSHIFT_IT_SECRET}",
        "--set", "spark.conf.\"spark.hadoop.fs.azure.account.key.itacct.dfs.core.windows.net\"=" + SET_SECRET,
        "--set", "spark.conf.\"spark.hadoop.fs.s3a.encryption.key\"=" + SET_SECRET);
    assertThat(launched.waitFor(15, TimeUnit.MINUTES)).as("bin/cloudshift finished").isTrue();
    Result run = new Result(launched.exitValue(), Files.readString(dir.resolve("stdout.txt")), Files.readString(dir.resolve("stderr.txt")));
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains("Tables under " + warehouse, "job_runs", "Billed revenue", "Headline: OpenAI x azure",
        "compute share of OpenAI");
    for (String stage : List.of("ingest", "shares", "uplift", "project", "reconcile")) {
      assertThat(run.stdout()).containsPattern("  " + stage + " +SUCCEEDED");
    }
    assertThat(run.stderr()).contains("effective configuration");

    var spark = SparkTestSession.get();
    for (String table : List.of(Tables.CHARGES, Tables.REJECTED_CHARGES, Tables.PARTNERSHIP_TERMS, Tables.JOB_RUNS,
        Tables.LAB_PROVIDER_MONTHLY, Tables.UPLIFT_QUARTERLY, Tables.UPLIFT_PROJECTION, Tables.REVENUE_RECONCILIATION)) {
      assertThat(spark.read().format("delta").load(warehouse.resolve(table).toString()).count()).as(table).isPositive();
    }
    List<Row> jobRuns = spark.read().format("delta").load(warehouse.resolve(Tables.JOB_RUNS).toString()).collectAsList();
    assertThat(jobRuns).extracting(r -> r.<String>getAs("job")).containsExactlyInAnyOrder("ingest", "shares", "uplift", "project", "reconcile");
    assertThat(jobRuns).allSatisfy(r -> {
      assertThat(r.<String>getAs("run_id")).isEqualTo("launcher-it");
      assertThat(r.<String>getAs("status")).isEqualTo("SUCCEEDED");
    });
    assertNoSecretIn(run, warehouse);
  }

  /** The secrets given to run-all, nowhere in its output or in any file of its warehouse. */
  private void assertNoSecretIn(Result run, Path warehouse) throws IOException {
    for (String secret : List.of(ENV_SECRET, SET_SECRET)) {
      assertThat(run.stdout()).doesNotContain(secret);
      assertThat(run.stderr()).doesNotContain(secret);
      try (var files = Files.walk(warehouse)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(secret);
        }
      }
    }
    assertThat(run.stderr()).as("the keys are logged, their values masked").contains("fs.s3a.secret.key", "fs.azure.account.key.itacct");
  }
}
