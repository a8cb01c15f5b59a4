package io.cloudshift.testing;

import io.cloudshift.audit.JobRun;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.ingest.IngestJob;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.lineage.StageLineage;
import io.cloudshift.projection.ProjectionJob;
import io.cloudshift.reconciliation.ReconcileJob;
import io.cloudshift.shares.SharesJob;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.RunStop;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageRunner;
import io.cloudshift.uplift.UpliftJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the whole pipeline on the bundled data, shared by the end-to-end tests of the test
 * JVM: the ingest tests, the gold tests and the lineage test read the same warehouse (and the same
 * lineage events) instead of each running the pipeline again. Every stage runs through StageRunner
 * as the CLI runs it, with lineage written to a file and an Airflow task as the parent run. Its
 * tests must leave the tables as they found them (reruns are idempotent).
 */
public final class BundledPipeline {
  public static final String RUN_ID = "bundled-e2e";

  /** The Airflow task the run is started by, as Airflow's OpenLineage provider passes it. */
  public static final Map<String, String> AIRFLOW_PARENT =
      Map.of(
          "spark.openlineage.parentJobNamespace", "airflow",
          "spark.openlineage.parentJobName", "cloudshift_monthly.ingest",
          "spark.openlineage.parentRunId", "01938d4c-2f3a-7b5e-8f00-123456789abc",
          "spark.openlineage.rootParentJobNamespace", "airflow",
          "spark.openlineage.rootParentJobName", "cloudshift_monthly",
          "spark.openlineage.rootParentRunId", "01938d4c-0000-7000-8000-000000000001");

  private static BundledPipeline instance;

  private final CloudshiftConfig config;
  private final Warehouse warehouse;
  private final List<String> lineageEvents;
  private final JobRun ingest;

  private BundledPipeline(Path root, Path lineageEvents) {
    this.config =
        TestConfigs.bundled(
            Map.of(
                "warehouse",
                root.toString(),
                "lineage.transport",
                "file",
                "lineage.file.location",
                lineageEvents.toString()));
    this.warehouse = new Warehouse(config.warehouse());
    StageContext context = StageContext.of(spark(), config, warehouse, run());
    List<PipelineStage> pipeline =
        List.of(
            new IngestJob(context),
            new SharesJob(context),
            new UpliftJob(context),
            new ProjectionJob(context),
            new ReconcileJob(context));
    StageRunner runner =
        new StageRunner(
            context, pipeline, new RunStop(), StageLineage.of(context, AIRFLOW_PARENT, Map.of()));
    this.ingest = runner.run(pipeline.get(0));
    pipeline.subList(1, pipeline.size()).forEach(runner::run);
    // Read now: tests that run a stage again with this config append their own events to the file.
    try {
      this.lineageEvents = List.copyOf(Files.readAllLines(lineageEvents));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized BundledPipeline get() {
    if (instance == null) {
      instance = new BundledPipeline(temporaryFolder(), temporaryFolder().resolve("lineage.jsonl"));
    }
    return instance;
  }

  /** The run's lineage events, one JSON object per line, as the file held them after the run. */
  public List<String> lineageEvents() {
    return lineageEvents;
  }

  public CloudshiftConfig config() {
    return config;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /** The ingest stage's job_runs record. */
  public JobRun ingest() {
    return ingest;
  }

  public RunContext run() {
    return new RunContext(RUN_ID, "run-all", BillingPeriodRange.all());
  }

  /** shares, uplift, project and reconcile on the silver tables of {@code target}. */
  public void runGoldStages(Warehouse target) {
    CloudshiftConfig targetConfig = TestConfigs.bundled(Map.of("warehouse", target.root()));
    DeltaTableWriter writer = new DeltaTableWriter(spark(), target, run().commitMetadata());
    StageContext context = TestStages.context(targetConfig, writer, run());
    for (PipelineStage stage :
        List.of(
            new SharesJob(context),
            new UpliftJob(context),
            new ProjectionJob(context),
            new ReconcileJob(context))) {
      TestStages.execute(stage);
    }
  }

  /** Copies one table of this warehouse (its Delta folder) into {@code target}. */
  public void copyTable(String table, Path target) {
    Path from = Path.of(warehouse.path(table));
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(table).resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  private static Path temporaryFolder() {
    try {
      Path root = Files.createTempDirectory("cloudshift-bundled-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
