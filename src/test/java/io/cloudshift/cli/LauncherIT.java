package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.BundledPipeline;
import io.cloudshift.testing.ChildProcess;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.StallingFileSystem;
import io.cloudshift.testing.TableContents;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command for real: bin/cloudshift → PySpark's spark-submit → the shaded jar, on a
 * copy of the build's bundled run (BundledPipeline). Checks exit codes, the one-line errors, the
 * tables the run leaves behind and what a killed run leaves behind (CloudshiftCliTest runs in this
 * JVM what needs no Spark: help, generate, mistakes found early).
 */
class LauncherIT {
  private static final String ENV_SECRET = "fake-env-secret-7f3a9c";
  private static final String SET_SECRET = "fake-set-secret-51d0e8";

  /**
   * The rerun's own run id: its rows differ from the bundled run's only in {@link
   * #PER_RUN_COLUMNS}.
   */
  private static final String RERUN_ID = "launcher-rerun";

  /**
   * Columns compared by none of this class's checks: run_id (the rerun has its own) and source_file
   * (it reads respelled copies of two curated files, elsewhere).
   */
  private static final Set<String> PER_RUN_COLUMNS = Set.of(Columns.RUN_ID, Columns.SOURCE_FILE);

  @TempDir Path dir;

  /**
   * Starts bin/cloudshift with {@code args}; output in the test's folder, {@code name}.{out,err}.
   * Without the class-data archive: a per-machine cache whose first run-all is ~30 s slower, the
   * benchmark's business, not the tests'.
   */
  private ChildProcess cloudshift(String name, Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of("bin/cloudshift"));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(environment);
    env.put("CLOUDSHIFT_CDS", "off");
    // The jar `mvn package` built for this test run: bin/cloudshift must not rebuild it from
    // sources edited meanwhile.
    env.putIfAbsent(
        "CLOUDSHIFT_JAR", Path.of("target", "cloudshift.jar").toAbsolutePath().toString());
    return ChildProcess.start(name, command, env, dir);
  }

  /**
   * Mistakes found before Spark starts are CloudshiftCliTest's; this one is found by the Spark job.
   */
  @Test
  void aMissingExportGivesOneLineAndExitCodeTwoThroughSparkSubmit() throws Exception {
    ChildProcess missing =
        cloudshift(
            "missing",
            Map.of(),
            "ingest",
            "--warehouse",
            dir.resolve("wh").toString(),
            "--set",
            "exports=[{ id = lost, provider = aws, format = csv, path = \""
                + dir.resolve("nowhere")
                + "\" }]");
    assertThat(missing.waitFor(Duration.ofMinutes(15))).isEqualTo(2);
    assertThat(missing.stderr()).contains("Cannot read export 'lost':").contains("does not exist");
    assertThat(missing.stderr()).doesNotContain("\tat io.cloudshift");
    // Issue 21, item 9: the JVM's notice of the incubator module Spark adds opened every command's
    // output.
    assertThat(missing.stderr()).doesNotContain("WARNING: Using incubator modules");
  }

  /**
   * Issue 21, item 8: the generator, 30 % of the main code, was shipped inside the cluster jar. It
   * is its own jar now, and bin/cloudshift generate still runs it.
   */
  @Test
  void theClusterJarHoldsOnlyTheJobAndTheGeneratorRunsFromItsOwnJar() throws Exception {
    try (JarFile job = new JarFile(Path.of("target", "cloudshift.jar").toFile());
        JarFile generator = new JarFile(Path.of("target", "cloudshift-generate.jar").toFile())) {
      assertThat(job.stream().map(JarEntry::getName))
          .anyMatch(n -> n.startsWith("io/cloudshift/cli/"))
          .noneMatch(n -> n.startsWith("io/cloudshift/generate/"));
      assertThat(generator.getEntry("io/cloudshift/generate/GenerateCommand.class")).isNotNull();
    }
    Path out = dir.resolve("generated");
    ChildProcess generate =
        cloudshift(
            "generate",
            Map.of(),
            "generate",
            "--rows",
            "300",
            "--from",
            "2026-01",
            "--to",
            "2026-02",
            "--output",
            out.toString());
    assertThat(generate.waitFor(Duration.ofMinutes(10))).as(generate.stderr()).isZero();
    assertThat(out.resolve("_truth/row_counts.csv")).exists();
  }

  /**
   * docs/guarantees.md Atomic, on a copy of the build's bundled run (BundledPipeline): the driver
   * is killed (SIGKILL, nothing runs after it) while it writes a data file of the silver table,
   * then of a gold table. The table being written keeps its version, the files the killed run left
   * in it are named by no commit, and a table committed before the kill holds what it held. Then
   * (issue 20, item 5) a run is stopped with SIGTERM while ingest writes charges_monthly, its third
   * table: it exits 143 within the grace period with one line, its job_runs row says it was stopped
   * and names the two tables it committed, and charges_monthly keeps its version.
   *
   * <p>Last, the README's command: bin/cloudshift run-all reruns the period under another run id
   * and gives the tables of the uninterrupted run, compared by content without run_id and
   * source_file (docs/guarantees.md Idempotent: the one end-to-end rerun of every stage). It reads
   * the curated inputs with OpenAI spelled {@code openai} in the partnership records and {@code
   * OPENAI} in the lab revenue (issue 20, item 1: the OpenAI events vanished when the spellings
   * differed from the attribution rules'), so the gold tables are also the same whatever the case
   * of the lab names. It prints its summary and records every stage as SUCCEEDED. It is also the
   * secrets test (docs/guarantees.md "No credentials in code, conf or logs"): the run is given fake
   * secrets through the environment and --set, and none appears in its output or its warehouse
   * (tables, job_runs, Delta commit info: every byte of every file).
   */
  @Test
  void aKilledRunLeavesTheTablesAsTheyWereAndRunAllThroughTheLauncherConverges() throws Exception {
    Path uninterrupted = BundledPipeline.completeWarehouse();
    // job_runs gains rows by design; every other table must end as the uninterrupted run left it.
    Set<String> audit = Set.of(Tables.JOB_RUNS);
    Map<String, String> expected = TableContents.hashes(uninterrupted, audit, PER_RUN_COLUMNS);
    Path warehouse = dir.resolve("killed");
    BundledPipeline.copy(uninterrupted, warehouse);

    // A month the warehouse already holds: the kill lands in the middle of replacing its slices.
    killWhileWriting(
        warehouse,
        Tables.CHARGES,
        "/billing_month=2026-09-01/",
        expected,
        "ingest",
        "--period",
        "2026-09");
    killWhileWriting(warehouse, Tables.LAB_PROVIDER_MONTHLY, "/", expected, "shares");
    terminateWhileWriting(warehouse, Tables.CHARGES_MONTHLY, expected);

    var spark = SparkTestSession.get();
    String jobRunsPath = warehouse.resolve(Tables.JOB_RUNS).toString();
    long jobRunsBefore = versions(warehouse).get(Tables.JOB_RUNS);
    ChildProcess rerun =
        cloudshift(
            "rerun",
            Map.of("CLOUDSHIFT_IT_SECRET", ENV_SECRET),
            "run-all",
            "--warehouse",
            warehouse.toString(),
            "--period",
            "2026-09",
            "--run-id",
            RERUN_ID,
            "--set",
            "inputs.partnerships=" + respelled("partnerships/partnership_records.csv", "openai"),
            "--set",
            "inputs.lab-revenue=" + respelled("lab_revenue/lab_revenue.csv", "OPENAI"),
            "--set",
            "spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=${CLOUDSHIFT_IT_SECRET}",
            "--set",
            "spark.conf.\"spark.hadoop.fs.azure.account.key.itacct.dfs.core.windows.net\"="
                + SET_SECRET,
            "--set",
            "spark.conf.\"spark.hadoop.fs.s3a.encryption.key\"=" + SET_SECRET);
    assertThat(rerun.waitFor(Duration.ofMinutes(15))).as(rerun.stderr()).isZero();
    assertThat(TableContents.hashes(warehouse, audit, PER_RUN_COLUMNS))
        .as("after the rerun")
        .isEqualTo(expected);

    assertThat(rerun.stdout())
        .contains(
            "Tables under " + warehouse,
            "job_runs",
            "Billed revenue",
            "Headline: OpenAI x azure",
            "compute share of OpenAI");
    for (String stage : List.of("ingest", "shares", "uplift", "project", "reconcile")) {
      assertThat(rerun.stdout()).containsPattern("  " + stage + " +SUCCEEDED");
    }
    assertThat(rerun.stderr()).contains("effective configuration");
    // The rows the rerun appended (job_runs' map columns cannot take part in EXCEPT).
    String[] row = {"run_id", "job", "status", "started_at"};
    List<Row> rerunRows =
        spark
            .read()
            .format("delta")
            .load(jobRunsPath)
            .selectExpr(row)
            .exceptAll(
                spark
                    .read()
                    .format("delta")
                    .option("versionAsOf", jobRunsBefore)
                    .load(jobRunsPath)
                    .selectExpr(row))
            .collectAsList();
    assertThat(rerunRows)
        .extracting(r -> r.<String>getAs("job"))
        .containsExactlyInAnyOrder("ingest", "shares", "uplift", "project", "reconcile");
    assertThat(rerunRows)
        .allSatisfy(
            r -> {
              assertThat(r.<String>getAs("run_id")).isEqualTo(RERUN_ID);
              assertThat(r.<String>getAs("status")).isEqualTo("SUCCEEDED");
            });
    assertNoSecretIn(rerun, warehouse);
  }

  /** A copy of a bundled curated CSV with the lab OpenAI spelled {@code spelling}. */
  private Path respelled(String input, String spelling) throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("datasets", input)).stream()
            .map(l -> l.replace(",OpenAI,", "," + spelling + ","))
            .toList();
    assertThat(lines).as(input).anySatisfy(l -> assertThat(l).contains("," + spelling + ","));
    return Files.write(dir.resolve(Path.of(input).getFileName()), lines).toAbsolutePath();
  }

  /** The secrets given to run-all, nowhere in its output or in any file of its warehouse. */
  private static void assertNoSecretIn(ChildProcess run, Path warehouse) throws IOException {
    for (String secret : List.of(ENV_SECRET, SET_SECRET)) {
      assertThat(run.stdout()).doesNotContain(secret);
      assertThat(run.stderr()).doesNotContain(secret);
      try (var files = Files.walk(warehouse)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
              .as(file.toString())
              .doesNotContain(secret);
        }
      }
    }
    assertThat(run.stderr())
        .as("the keys are logged, their values masked")
        .contains("fs.s3a.secret.key", "fs.azure.account.key.itacct");
  }

  /**
   * Runs a stage that stalls once it has written a data file of {@code table} whose path contains
   * {@code within} (StallingFileSystem) and kills its JVM there. Then {@code table} has its version
   * and a file no commit names; a table whose version moved holds the content it had.
   */
  private void killWhileWriting(
      Path warehouse, String table, String within, Map<String, String> expected, String... stage)
      throws Exception {
    Map<String, Long> versions = versions(warehouse);
    Set<Path> filesBefore = dataFiles(warehouse.resolve(table));
    ChildProcess stalling =
        stalledWhileWriting(warehouse, table, within, BundledPipeline.RUN_ID, stage);
    stalling.kill();
    assertLeftAsItWas(warehouse, table, versions, filesBefore, expected);
  }

  /**
   * Starts {@code stage} stalling once it has written a data file of {@code table} whose path
   * contains {@code within}.
   */
  private ChildProcess stalledWhileWriting(
      Path warehouse, String table, String within, String runId, String... stage) throws Exception {
    List<String> args = new ArrayList<>(List.of(stage));
    args.addAll(List.of("--warehouse", warehouse.toString(), "--run-id", runId));
    ChildProcess stalling =
        cloudshift(
            "stall-" + table,
            Map.of(
                "CLOUDSHIFT_SUBMIT_ARGS",
                String.join(
                    " ",
                    "--driver-class-path",
                    Path.of("target", "test-classes").toAbsolutePath().toString(),
                    "--conf",
                    "spark.hadoop.fs.file.impl=" + StallingFileSystem.class.getName(),
                    "--conf",
                    "spark.hadoop." + StallingFileSystem.STALL_ON + "=/" + table + within)),
            args.toArray(String[]::new));
    try {
      return stalling.awaitOutput(StallingFileSystem.STALLED, Duration.ofMinutes(5));
    } catch (AssertionError | InterruptedException e) {
      stalling.kill();
      throw e;
    }
  }

  /**
   * SIGTERM to an ingest stalled in writing {@code table} (its third): the stage's Spark jobs are
   * cancelled, it records itself as stopped and the command exits 143 with one line, within the
   * grace period and the time to write the row.
   */
  private void terminateWhileWriting(Path warehouse, String table, Map<String, String> expected)
      throws Exception {
    Map<String, Long> versions = versions(warehouse);
    Set<Path> filesBefore = dataFiles(warehouse.resolve(table));
    // A grace period long enough for a busy machine: this is the stage ending by itself (the forced
    // end is StageRunnerTest's).
    ChildProcess stalling =
        stalledWhileWriting(
            warehouse,
            table,
            "/",
            BundledPipeline.RUN_ID,
            "ingest",
            "--period",
            "2026-09",
            "--set",
            "stop.grace-period=60s");
    long signalled = System.nanoTime();
    stalling.terminate();
    int exitCode;
    try {
      exitCode = stalling.waitFor(Duration.ofMinutes(2));
    } finally {
      stalling.kill();
    }
    assertThat(exitCode).as(stalling.stderr()).isEqualTo(143);
    assertThat(Duration.ofNanos(System.nanoTime() - signalled))
        .as("time from SIGTERM to exit")
        .isLessThan(Duration.ofSeconds(70));
    Map<String, Long> after = versions(warehouse);
    String committed =
        "rejected_charges version "
            + after.get(Tables.REJECTED_CHARGES)
            + ", charges version "
            + after.get(Tables.CHARGES);
    List<String> lines = stalling.stderr().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "cloudshift ingest: stopped by SIGTERM during stage ingest; committed before the stop: "
                + committed
                + "; job_runs has its FAILED row (rerun the period to complete the run)");
    List<Row> rows =
        SparkTestSession.get()
            .read()
            .format("delta")
            .load(warehouse.resolve(Tables.JOB_RUNS).toString())
            .where("status = 'FAILED'")
            .collectAsList();
    assertThat(rows).as("FAILED rows: the SIGKILLed runs left none").hasSize(1);
    Row stopped = rows.get(0);
    assertThat(stopped.<String>getAs("message"))
        .isEqualTo(
            "stopped by SIGTERM during stage ingest; committed before the stop: " + committed);
    assertLeftAsItWas(warehouse, table, versions, filesBefore, expected);
  }

  /**
   * {@code table}, written when the run was killed, has its version and a file no commit names; a
   * table whose version moved holds the content the uninterrupted run gave it.
   */
  private void assertLeftAsItWas(
      Path warehouse,
      String table,
      Map<String, Long> versions,
      Set<Path> filesBefore,
      Map<String, String> expected)
      throws IOException {
    Map<String, Long> after = versions(warehouse);
    assertThat(after.get(table))
        .as("%s's version after the kill", table)
        .isEqualTo(versions.get(table));
    Set<Path> leftBehind = dataFiles(warehouse.resolve(table));
    leftBehind.removeAll(filesBefore);
    Set<Path> committed =
        Stream.of(
                SparkTestSession.get()
                    .read()
                    .format("delta")
                    .load(warehouse.resolve(table).toString())
                    .inputFiles())
            .map(uri -> Path.of(URI.create(uri)))
            .collect(Collectors.toSet());
    assertThat(leftBehind)
        .as("files the killed run wrote in %s", table)
        .isNotEmpty()
        .doesNotContainAnyElementsOf(committed);
    // Reading every table costs more than the two runs: read the one killed and those the run
    // committed.
    Set<String> unchanged =
        after.keySet().stream()
            .filter(
                t ->
                    t.equals(Tables.JOB_RUNS)
                        || after.get(t).equals(versions.get(t)) && !t.equals(table))
            .collect(Collectors.toSet());
    Map<String, String> read = TableContents.hashes(warehouse, unchanged, PER_RUN_COLUMNS);
    assertThat(read).as("tables read after the kill in %s", table).containsKey(table);
    assertThat(expected).as("tables after the kill in %s", table).containsAllEntriesOf(read);
  }

  /** Every table's last committed version, from its log's file names. */
  private static Map<String, Long> versions(Path warehouse) throws IOException {
    Map<String, Long> versions = new HashMap<>();
    try (Stream<Path> tables = Files.list(warehouse)) {
      for (Path table : tables.toList()) {
        try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
          versions.put(
              table.getFileName().toString(),
              log.map(p -> p.getFileName().toString())
                  .filter(name -> name.matches("\\d{20}\\.json"))
                  .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
                  .max()
                  .orElseThrow());
        }
      }
    }
    return versions;
  }

  private static Set<Path> dataFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".parquet")
                      && !p.toString().contains("_delta_log"))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }
}
