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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the whole pipeline on the bundled data, shared by every test of the build that needs
 * one: the in-process ingest, gold and lineage tests of this JVM, then, read from disk, the
 * launcher's kill test and the cluster comparison (failsafe) and the notebook and Airflow suites
 * (Maven passes them {@code CLOUDSHIFT_BUNDLED_WAREHOUSE}). Every stage runs through StageRunner as
 * the CLI runs it, with lineage written to a file and an Airflow task as the parent run. Its tests
 * must leave the tables as they found them (reruns are idempotent); the others copy it.
 *
 * <p>It lives in {@code cloudshift.bundled.dir} (target/bundled under Maven; a temporary folder
 * otherwise): {@code warehouse/}, {@code lineage.jsonl}, and a {@code complete} mark written last.
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

  /** Where the run lives: Maven sets target/bundled. */
  public static final String FOLDER_PROPERTY = "cloudshift.bundled.dir";

  private static final String COMPLETE = "complete";
  private static final String OWNED = ".made-by-cloudshift-tests";

  private static BundledPipeline instance;
  private static Path temporaryRoot;

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
    List<PipelineStage> pipeline = stages(context);
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

  /** Every stage of run-all, in order. */
  public static List<PipelineStage> stages(StageContext context) {
    return List.of(
        new IngestJob(context),
        new SharesJob(context),
        new UpliftJob(context),
        new ProjectionJob(context),
        new ReconcileJob(context));
  }

  /** The run, made by this JVM on first use. */
  public static synchronized BundledPipeline get() {
    if (instance == null) {
      Path root = ownFolder();
      instance = new BundledPipeline(root.resolve("warehouse"), root.resolve("lineage.jsonl"));
      touch(root.resolve(COMPLETE));
    }
    return instance;
  }

  /**
   * The warehouse of a complete run newer than the classes and the bundled inputs: the one an
   * earlier test JVM of the build left (surefire's, for the integration tests), else this JVM's.
   * Read it, or copy it to write.
   */
  public static synchronized Path completeWarehouse() {
    Path root = root();
    if (instance == null && isNewerThanItsInputs(root.resolve(COMPLETE))) {
      return root.resolve("warehouse").toAbsolutePath();
    }
    return Path.of(get().warehouse().root()).toAbsolutePath();
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
    copy(Path.of(warehouse.path(table)), target.resolve(table));
  }

  /** Copies the folder {@code from}, files and subfolders, to {@code to}, times kept. */
  public static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SparkSession spark() {
    return SparkTestSession.get();
  }

  private static Path root() {
    String configured = System.getProperty(FOLDER_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    if (temporaryRoot == null) {
      try {
        temporaryRoot = Files.createTempDirectory("cloudshift-bundled-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path root = temporaryRoot;
      // A temporary folder left behind is harmless.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
    }
    return temporaryRoot;
  }

  /**
   * The folder emptied for a new run: only ever one this class made (its ownership mark), never
   * someone's data at a mistyped path.
   */
  private static Path ownFolder() {
    Path root = root();
    Path mark = root.resolve(OWNED);
    try {
      if (Files.exists(root) && !isEmpty(root)) {
        if (!Files.exists(mark)) {
          throw new IllegalStateException(
              root
                  + " holds files the bundled test run did not make; refusing to replace them (set "
                  + FOLDER_PROPERTY
                  + " to another folder)");
        }
        delete(root);
      }
      Files.createDirectories(root);
      Files.createFile(mark);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /** {@code mark} exists and is newer than every compiled class and every bundled input. */
  private static boolean isNewerThanItsInputs(Path mark) {
    if (!Files.exists(mark)) {
      return false;
    }
    try {
      Path classes =
          Path.of(IngestJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      FileTime made = Files.getLastModifiedTime(mark);
      for (Path inputs : List.of(classes, Path.of("datasets"), Path.of("conf"))) {
        try (Stream<Path> files = Files.walk(inputs)) {
          if (files.anyMatch(f -> lastModified(f).compareTo(made) > 0)) {
            return false;
          }
        }
      }
      return true;
    } catch (IOException | java.net.URISyntaxException e) {
      return false;
    }
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void touch(Path file) {
    try {
      Files.writeString(file, RUN_ID + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
