package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.StallingFileSystem;
import io.cloudshift.testing.TableContents;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command for real: bin/cloudshift → PySpark's spark-submit → the shaded jar, on
 * the bundled data. Checks exit codes, the one-line errors and the tables the run leaves behind
 * (CloudshiftCliTest runs in this JVM what needs no Spark: help, generate, mistakes found early).
 * The crash test starts from the run-all test's warehouse, so the two run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

  /**
   * SPEC §6 "Atomic": the driver is killed (SIGKILL, nothing runs after it) while it writes a data
   * file of the silver table, then of a gold table. The table being written keeps its version, the
   * files the killed run left in it are named by no commit, and a table committed before the kill
   * holds what it held; rerunning the period gives the tables of the uninterrupted run-all, compared
   * by content.
   */
  @Test
  @Order(2)
  void aDriverKilledInTheMiddleOfAWriteLeavesTheTablesAsTheyWereAndARerunConverges() throws Exception {
    Path uninterrupted = RUN_ALL_WAREHOUSE.toAbsolutePath();
    assertThat(uninterrupted.resolve(Tables.JOB_RUNS)).as("the run-all test's warehouse (run the whole class)").isDirectory();
    // job_runs gains rows by design; every other table must end as the uninterrupted run left it.
    Set<String> audit = Set.of(Tables.JOB_RUNS);
    Map<String, String> expected = TableContents.hashes(uninterrupted, audit, Set.of());
    Path warehouse = dir.resolve("killed");
    copy(uninterrupted, warehouse);

    // A month the warehouse already holds: the kill lands in the middle of replacing its slices.
    killWhileWriting(warehouse, Tables.CHARGES, "/billing_month=2026-09-01/", expected, "ingest", "--period", "2026-09");
    killWhileWriting(warehouse, Tables.LAB_PROVIDER_MONTHLY, "/", expected, "shares");
    assertThat(SparkTestSession.get().read().format("delta").load(warehouse.resolve(Tables.JOB_RUNS).toString()).count()).isPositive();

    Result rerun = cloudshift("run-all", "--warehouse", warehouse.toString(), "--period", "2026-09", "--run-id", "launcher-it");
    assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
    assertThat(TableContents.hashes(warehouse, audit, Set.of())).as("after the rerun").isEqualTo(expected);
  }

  /**
   * Runs a stage that stalls once it has written a data file of {@code table} whose path contains
   * {@code within} (StallingFileSystem) and kills its JVM there. Then {@code table} has its version
   * and a file no commit names; a table whose version moved holds the content it had.
   */
  private void killWhileWriting(Path warehouse, String table, String within, Map<String, String> expected, String... stage)
      throws Exception {
    Map<String, Long> versions = versions(warehouse);
    Set<Path> filesBefore = dataFiles(warehouse.resolve(table));
    List<String> args = new ArrayList<>(List.of(stage));
    args.addAll(List.of("--warehouse", warehouse.toString(), "--run-id", "launcher-it"));
    Process process = launch(Map.of("CLOUDSHIFT_SUBMIT_ARGS", String.join(" ",
        "--driver-class-path", Path.of("target", "test-classes").toAbsolutePath().toString(),
        "--conf", "spark.hadoop.fs.file.impl=" + StallingFileSystem.class.getName(),
        "--conf", "spark.hadoop." + StallingFileSystem.STALL_ON + "=/" + table + within)), args.toArray(String[]::new));
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (!Files.readString(dir.resolve("stderr.txt")).contains(StallingFileSystem.STALLED)) {
        assertThat(process.isAlive()).as("%s stalls before it ends:%n%s", table, Files.readString(dir.resolve("stderr.txt"))).isTrue();
        assertThat(System.nanoTime()).as("%s stalls within 5 minutes", table).isLessThan(deadline);
        Thread.sleep(200);
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("killed").isTrue();
    }
    Map<String, Long> after = versions(warehouse);
    assertThat(after.get(table)).as("%s's version after the kill", table).isEqualTo(versions.get(table));
    Set<Path> leftBehind = dataFiles(warehouse.resolve(table));
    leftBehind.removeAll(filesBefore);
    Set<Path> committed = Stream.of(SparkTestSession.get().read().format("delta").load(warehouse.resolve(table).toString()).inputFiles())
        .map(uri -> Path.of(URI.create(uri))).collect(Collectors.toSet());
    assertThat(leftBehind).as("files the killed run wrote in %s", table).isNotEmpty().doesNotContainAnyElementsOf(committed);
    // Reading every table costs more than the two runs: read the one killed and those the run committed.
    Set<String> unchanged = after.keySet().stream().filter(t -> after.get(t).equals(versions.get(t)) && !t.equals(table))
        .collect(Collectors.toSet());
    Map<String, String> read = TableContents.hashes(warehouse, unchanged, Set.of());
    assertThat(read).as("tables read after the kill in %s", table).containsKey(table);
    assertThat(expected).as("tables after the kill in %s", table).containsAllEntriesOf(read);
  }

  /** Every table's last committed version, from its log's file names. */
  private static Map<String, Long> versions(Path warehouse) throws IOException {
    Map<String, Long> versions = new HashMap<>();
    try (Stream<Path> tables = Files.list(warehouse)) {
      for (Path table : tables.toList()) {
        try (Stream<Path> log = Files.list(table.resolve("_delta_log"))) {
          versions.put(table.getFileName().toString(), log.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d{20}\\.json"))
              .mapToLong(name -> Long.parseLong(name.substring(0, 20))).max().orElseThrow());
        }
      }
    }
    return versions;
  }

  private static Set<Path> dataFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet") && !p.toString().contains("_delta_log"))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
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
  @Order(1)
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
