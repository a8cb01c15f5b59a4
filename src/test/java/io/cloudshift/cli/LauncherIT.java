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
  @TempDir Path dir;

  private record Result(int exitCode, String stdout, String stderr) {}

  private Result cloudshift(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bin/cloudshift"));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    ProcessBuilder launch = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // The class-data archive is a per-machine cache whose first run-all is ~30 s slower: the benchmark's business, not CI's.
    launch.environment().put("CLOUDSHIFT_CDS", "off");
    Process process = launch.start();
    assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("bin/cloudshift finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
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

  @Test
  void runAllOnTheBundledDataWritesTheTablesAndPrintsASummary() throws Exception {
    // A relative warehouse, like the README's default ./warehouse, but inside target/.
    Path relative = Path.of("target", "launcher-it-warehouse");
    if (Files.exists(relative)) {
      try (var paths = Files.walk(relative)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Path warehouse = relative.toAbsolutePath();
    Result run = cloudshift("run-all", "--warehouse", relative.toString(), "--run-id", "launcher-it");
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
  }
}
