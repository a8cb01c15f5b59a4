package io.cloudshift.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.audit.DeliveryOutcome;
import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.InputException;
import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stage is run the same way: inputs checked, one job description, one job_runs row whatever
 * happens.
 */
class StageRunnerTest {
  private static final String DESCRIPTION = "spark.job.description";

  @TempDir Path dir;

  /** A stage made of its declaration and a piece of work (it needs no context). */
  private static final class FakeStage extends PipelineStage {
    private final Consumer<StageProgress> work;

    FakeStage(
        String name,
        List<TableSpec> reads,
        List<TableSpec> writes,
        boolean honoursPeriod,
        Consumer<StageProgress> work) {
      super(null, name, reads, writes, honoursPeriod);
      this.work = work;
    }

    @Override
    public void execute(StageTables tables) {
      work.accept(tables.progress());
    }
  }

  /** How Scala code throws a checked exception (SparkException, AnalysisException) through Java. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  /**
   * @param period the run's --period, or null for every month
   */
  private StageContext context(String period) {
    var spark = SparkTestSession.get();
    return new StageContext(
        spark,
        TestConfigs.bundled(Map.of()),
        new RunContext(
            "run-7",
            "test",
            period == null ? BillingPeriodRange.all() : BillingPeriodRange.parse(period)),
        new DeltaTableWriter(spark, new Warehouse(dir.toString()), "{}"));
  }

  /**
   * A context whose config registers tables in {@code database}, writing under {@code warehouse}.
   */
  private static StageContext registering(Path warehouse, String database) {
    var spark = SparkTestSession.get();
    return new StageContext(
        spark,
        TestConfigs.bundled(Map.of("catalog.register", "true", "catalog.database", database)),
        new RunContext("run-8", "test", BillingPeriodRange.all()),
        new DeltaTableWriter(spark, new Warehouse(warehouse.toString()), "{}"));
  }

  private static final String N = "n";

  /**
   * A one-column table named {@code name}, overwritten, for stages that only need something to
   * write.
   */
  private static TableSpec table(String name) {
    return TableSpec.of(name, "test table", TableSpec.column(N, DataTypes.LongType, "a number"));
  }

  /** A stage writing three rows into lab_provider_monthly. */
  private static FakeStage writingThreeRows(StageContext context) {
    return new FakeStage(
        "shares",
        List.of(),
        List.of(table(Tables.LAB_PROVIDER_MONTHLY)),
        false,
        progress ->
            progress.wrote(
                Tables.LAB_PROVIDER_MONTHLY,
                context
                    .writer()
                    .replace(
                        table(Tables.LAB_PROVIDER_MONTHLY), context.spark().range(3).toDF(N))));
  }

  @Test
  void withCatalogRegistrationOnTheTablesAStageWroteAreQueriedByName() {
    StageContext context = registering(dir.resolve("wh"), "runner_catalog");
    FakeStage shares = writingThreeRows(context);
    StageRunner runner = new StageRunner(context, List.of(shares));
    runner.run(shares);
    runner.run(shares);

    var spark = context.spark();
    assertThat(
            spark
                .sql("SELECT count(*) FROM runner_catalog.lab_provider_monthly")
                .first()
                .getLong(0))
        .isEqualTo(3L);
    // job_runs is registered too: two runs of the stage, two rows.
    assertThat(spark.sql("SELECT count(*) FROM runner_catalog.job_runs").first().getLong(0))
        .isEqualTo(2L);

    StageContext other = registering(dir.resolve("other-wh"), "runner_catalog");
    FakeStage elsewhere = writingThreeRows(other);
    assertThatThrownBy(() -> new StageRunner(other, List.of(elsewhere)).run(elsewhere))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(
            "Cannot register runner_catalog.lab_provider_monthly for file:"
                + dir.resolve("other-wh").resolve(Tables.LAB_PROVIDER_MONTHLY))
        .hasMessageContaining(
            "the catalog already has it at file:"
                + dir.resolve("wh").resolve(Tables.LAB_PROVIDER_MONTHLY));
  }

  private List<Row> jobRuns(StageContext context) {
    return context.writer().read(Tables.JOB_RUNS).collectAsList();
  }

  @Test
  void aCheckedExceptionStillLeavesAFailedRowWithWhatTheStageCommitted() {
    StageContext context = context(null);
    FakeStage failing =
        new FakeStage(
            "ingest",
            List.of(),
            List.of(table(Tables.REJECTED_CHARGES)),
            true,
            progress -> {
              progress.read(new InputCount("focus", "e", "f.csv", 3, 1, 2, 0, 0, 0));
              progress.wrote(Tables.REJECTED_CHARGES, 4L);
              sneakyThrow(new java.io.IOException("disk full"));
            });

    assertThatThrownBy(() -> new StageRunner(context, List.of(failing)).run(failing))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("disk full");

    List<Row> rows = jobRuns(context);
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.<String>getAs("status")).isEqualTo(JobRun.FAILED);
    assertThat(row.<String>getAs("message")).isEqualTo("disk full");
    assertThat(row.<Long>getAs("rows_in")).isEqualTo(3L);
    assertThat(row.<Long>getAs("rows_quarantine")).isEqualTo(2L);
    assertThat(row.getJavaMap(row.fieldIndex("table_versions")))
        .containsEntry(Tables.REJECTED_CHARGES, 4L);
    assertThat(row.getDate(row.fieldIndex("as_of")).toLocalDate())
        .as("the day whose terms were current")
        .isEqualTo(context.run().asOf());
  }

  /**
   * Issue 23, item 5: a failed stage's lineage run ends with FAIL, its error, and the tables it
   * committed before it failed (the successful runs: StageLineageEndToEndTest).
   */
  @Test
  void aFailedStageEndsItsLineageRunWithFailTheErrorAndWhatItCommitted() throws Exception {
    Path events = dir.resolve("lineage").resolve("events.jsonl");
    var spark = SparkTestSession.get();
    StageContext context =
        new StageContext(
            spark,
            TestConfigs.bundled(
                Map.of("lineage.transport", "file", "lineage.file.location", events.toString())),
            new RunContext("run-9", "test", BillingPeriodRange.all()),
            new DeltaTableWriter(spark, new Warehouse(dir.toString()), "{}"));
    FakeStage failing =
        new FakeStage(
            "ingest",
            List.of(),
            List.of(table(Tables.REJECTED_CHARGES)),
            true,
            progress -> {
              progress.wrote(Tables.REJECTED_CHARGES, 4L);
              throw new IllegalStateException("reject ratio exceeded");
            });

    assertThatThrownBy(() -> new StageRunner(context, List.of(failing)).run(failing))
        .hasMessage("reject ratio exceeded");

    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> sent = new ArrayList<>();
    for (String line : java.nio.file.Files.readAllLines(events)) {
      sent.add(json.readTree(line));
    }
    assertThat(sent).extracting(e -> e.get("eventType").asText()).containsExactly("START", "FAIL");
    var fail = sent.get(1);
    assertThat(fail.at("/job/name").asText()).isEqualTo("ingest");
    assertThat(fail.at("/run/facets/errorMessage/message").asText())
        .isEqualTo("reject ratio exceeded");
    assertThat(fail.at("/outputs/0/name").asText())
        .isEqualTo(dir.resolve(Tables.REJECTED_CHARGES).toString());
    assertThat(fail.at("/outputs/0/facets/version/datasetVersion").asText()).isEqualTo("4");
    assertThat(fail.at("/run/facets/parent").isMissingNode())
        .as("no parent run was passed")
        .isTrue();
  }

  @Test
  void aWithdrawnMonthIsRecordedWithoutADelivery() {
    StageContext context = context(null);
    FakeStage withdrawing =
        new FakeStage(
            "ingest",
            List.of(),
            List.of(),
            true,
            progress ->
                progress.delivered(
                    List.of(
                        new DeliveryOutcome(
                            "e",
                            YearMonth.of(2026, 5),
                            DeliveryOutcome.Status.WITHDRAWN,
                            null,
                            null,
                            0,
                            7L))));

    new StageRunner(context, List.of(withdrawing)).run(withdrawing);

    Row delivery =
        context
            .writer()
            .read(Tables.JOB_RUNS)
            .select(explode(col("deliveries")).as("d"))
            .select("d.*")
            .first();
    assertThat(delivery.<String>getAs("status")).isEqualTo("WITHDRAWN");
    assertThat(delivery.<Long>getAs("rows")).isEqualTo(7L);
    assertThat(delivery.isNullAt(delivery.fieldIndex("modified_at"))).isTrue();
  }

  @Test
  void notesOfAStageAreItsJobRunsMessageAfterTheFailureIfAny() {
    StageContext context = context(null);
    FakeStage noting =
        new FakeStage(
            "ingest",
            List.of(),
            List.of(),
            true,
            progress -> {
              progress.note("a link skipped");
              progress.note("a link skipped");
              progress.note("a name unmatched");
            });
    FakeStage failing =
        new FakeStage(
            "shares",
            List.of(),
            List.of(),
            false,
            progress -> {
              progress.note("a name unmatched");
              throw new IllegalStateException("boom");
            });
    StageRunner runner = new StageRunner(context, List.of(noting, failing));

    assertThat(runner.run(noting).message()).isEqualTo("a link skipped; a name unmatched");
    assertThatThrownBy(() -> runner.run(failing)).hasMessage("boom");
    assertThat(jobRuns(context))
        .extracting(r -> r.<String>getAs("job") + ": " + r.<String>getAs("message"))
        .containsExactlyInAnyOrder(
            "ingest: a link skipped; a name unmatched", "shares: boom; a name unmatched");
  }

  /**
   * Issue 20, item 5: a stop (SIGTERM) during a stage. The stage's failure is recorded as a stop
   * naming what it committed, no further stage starts, and the exit code is 143.
   */
  @Test
  void aStopDuringAStageRecordsItAsStoppedAndNoFurtherStageStarts() {
    StageContext context = context(null);
    RunStop stop = new RunStop();
    List<String> ran = new ArrayList<>();
    FakeStage ingest =
        new FakeStage(
            "ingest",
            List.of(),
            List.of(table(Tables.REJECTED_CHARGES), table(Tables.CHARGES)),
            true,
            progress -> {
              progress.wrote(Tables.REJECTED_CHARGES, 4L);
              stop.request("SIGTERM");
              throw new IllegalStateException("Job 12 cancelled because the run is stopping");
            });
    FakeStage shares = new FakeStage("shares", List.of(), List.of(), false, p -> ran.add("shares"));
    StageRunner runner = new StageRunner(context, List.of(ingest, shares), stop);

    assertThatThrownBy(() -> runner.run(ingest))
        .isInstanceOfSatisfying(
            RunStoppedException.class, e -> assertThat(e.exitCode()).isEqualTo(143))
        .hasMessage(
            "stopped by SIGTERM during stage ingest; committed before the stop: rejected_charges"
                + " version 4; job_runs has its FAILED row (rerun the period to complete the run)");
    assertThatThrownBy(() -> runner.run(shares))
        .isInstanceOf(RunStoppedException.class)
        .hasMessage(
            "stopped by SIGTERM before stage shares started (rerun the period to complete the"
                + " run)");
    assertThat(ran).isEmpty();
    assertThat(jobRuns(context))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<String>getAs("status")).isEqualTo(JobRun.FAILED);
              assertThat(r.<String>getAs("message"))
                  .isEqualTo(
                      "stopped by SIGTERM during stage ingest; committed before the stop:"
                          + " rejected_charges version 4");
            });
  }

  /** ... and when the stage does not end in time, the stop records it from its own thread, once. */
  @Test
  void aStageThatDoesNotEndInTimeIsRecordedByTheStopOnce() throws Exception {
    StageContext context = context(null);
    RunStop stop = new RunStop();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FakeStage stuck =
        new FakeStage(
            "uplift",
            List.of(),
            List.of(),
            false,
            progress -> {
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    StageRunner runner = new StageRunner(context, List.of(stuck), stop);
    var running = java.util.concurrent.CompletableFuture.runAsync(() -> runner.run(stuck));
    started.await();

    stop.request("SIGINT");
    stop.recordRunningStage();
    stop.recordRunningStage();
    assertThat(jobRuns(context))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.<String>getAs("message"))
                    .isEqualTo(
                        "stopped by SIGINT during stage uplift; committed before the stop: no table"
                            + " (the stage did not end in time)"));

    release.countDown();
    assertThatThrownBy(running::join).hasCauseInstanceOf(RunStoppedException.class);
    assertThat(jobRuns(context)).as("the stage's own ending adds no second row").hasSize(1);
  }

  /** A stage with a real context (its own, as every stage gets), writing one table. */
  private static final class WritingStage extends PipelineStage {
    private final TableSpec table;

    WritingStage(StageContext context, String name, TableSpec table, boolean honoursPeriod) {
      super(context, name, List.of(), List.of(table), honoursPeriod);
      this.table = table;
    }

    @Override
    public void execute(StageTables tables) {
      tables.write(table, context.spark().range(2).toDF(N));
    }
  }

  /**
   * Issue 21, item 2: a gold table's history said "run-all, period 2026-09" for content recomputed
   * over every month. Each commit names the stage that wrote it and the period it covered.
   */
  @Test
  void everyCommitNamesTheStageThatMadeItAndThePeriodItCovered() {
    StageContext context = context("2026-09");
    WritingStage ingest = new WritingStage(context, "ingest", table(Tables.CHARGES), true);
    WritingStage shares =
        new WritingStage(context, "shares", table(Tables.LAB_PROVIDER_MONTHLY), false);
    StageRunner runner = new StageRunner(context, List.of(ingest, shares));
    runner.run(ingest);
    runner.run(shares);

    assertThat(lastUserMetadata(Tables.CHARGES))
        .isEqualTo("{\"run_id\":\"run-7\",\"job\":\"ingest\",\"period\":\"2026-09\"}");
    assertThat(lastUserMetadata(Tables.LAB_PROVIDER_MONTHLY))
        .isEqualTo("{\"run_id\":\"run-7\",\"job\":\"shares\",\"period\":\"all\"}");
    assertThat(lastUserMetadata(Tables.JOB_RUNS))
        .as("the audit row of shares")
        .isEqualTo("{\"run_id\":\"run-7\",\"job\":\"shares\",\"period\":\"all\"}");
  }

  private String lastUserMetadata(String table) {
    return io.delta.tables.DeltaTable.forPath(SparkTestSession.get(), dir.resolve(table).toString())
        .history(1)
        .first()
        .getAs("userMetadata");
  }

  @Test
  void aMissingInputTableFailsBeforeTheWorkWithOneLineNamingTheStageThatWritesIt() {
    StageContext context = context(null);
    List<String> ran = new ArrayList<>();
    FakeStage producer =
        new FakeStage(
            "shares",
            List.of(),
            List.of(table(Tables.LAB_PROVIDER_MONTHLY)),
            false,
            p -> ran.add("shares"));
    FakeStage consumer =
        new FakeStage(
            "uplift",
            List.of(table(Tables.LAB_PROVIDER_MONTHLY)),
            List.of(),
            false,
            p -> ran.add("uplift"));

    assertThatThrownBy(() -> new StageRunner(context, List.of(producer, consumer)).run(consumer))
        .isInstanceOf(InputNotFoundException.class)
        .hasMessage(
            "Cannot run uplift: table lab_provider_monthly does not exist under "
                + dir
                + " (run `cloudshift shares` first)");
    assertThat(ran).isEmpty();
    assertThat(jobRuns(context))
        .singleElement()
        .satisfies(r -> assertThat(r.<String>getAs("status")).isEqualTo(JobRun.FAILED));
  }

  @Test
  void aStageWritingATableItDoesNotDeclareFails() {
    StageContext context = context(null);
    FakeStage sloppy =
        new FakeStage(
            "shares",
            List.of(),
            List.of(table(Tables.LAB_PROVIDER_MONTHLY)),
            false,
            progress -> progress.wrote(Tables.UPLIFT_MONTHLY, 0L));

    assertThatThrownBy(() -> new StageRunner(context, List.of(sloppy)).run(sloppy))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Stage shares wrote [uplift_monthly], which it does not declare");
  }

  @Test
  void aStageThatRecomputesEveryMonthRecordsAllRatherThanTheRunsPeriod() {
    StageContext context = context("2026-09");
    FakeStage ingest = new FakeStage("ingest", List.of(), List.of(), true, p -> {});
    FakeStage shares = new FakeStage("shares", List.of(), List.of(), false, p -> {});
    StageRunner runner = new StageRunner(context, List.of(ingest, shares));

    assertThat(runner.run(ingest).logicalPeriod()).isEqualTo("2026-09");
    assertThat(runner.run(shares).logicalPeriod()).isEqualTo("all");
    assertThat(jobRuns(context))
        .extracting(r -> r.<String>getAs("job") + " " + r.<String>getAs("logical_period"))
        .containsExactlyInAnyOrder("ingest 2026-09", "shares all");
  }

  @Test
  void everySparkJobOfAStageCarriesItsDescriptionAndNothingLeaksIntoTheNextStage() {
    StageContext context = context("2026-09");
    var spark = context.spark();
    List<String> seen = new ArrayList<>();
    FakeStage ingest =
        new FakeStage(
            "ingest",
            List.of(),
            List.of(),
            true,
            p -> seen.add(spark.sparkContext().getLocalProperty(DESCRIPTION)));
    FakeStage failing =
        new FakeStage(
            "shares",
            List.of(),
            List.of(),
            false,
            p -> {
              seen.add(spark.sparkContext().getLocalProperty(DESCRIPTION));
              throw new IllegalStateException("boom");
            });
    StageRunner runner = new StageRunner(context, List.of(ingest, failing));
    spark.sparkContext().setJobDescription(null);

    runner.run(ingest);
    assertThat(spark.sparkContext().getLocalProperty(DESCRIPTION)).isNull();
    assertThatThrownBy(() -> runner.run(failing)).hasMessage("boom");
    assertThat(spark.sparkContext().getLocalProperty(DESCRIPTION)).isNull();
    assertThat(seen).containsExactly("cloudshift ingest 2026-09", "cloudshift shares all");
  }
}
