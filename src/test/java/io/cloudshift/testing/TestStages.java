package io.cloudshift.testing;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.currency.ReferenceRates;
import io.cloudshift.ingest.IngestJob;
import io.cloudshift.ingest.reference.EcbRatesFile;
import io.cloudshift.ingest.reference.ReferenceDataset;
import io.cloudshift.ingest.reference.ReferenceIngest;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stages run directly, without StageRunner's job_runs row: for tests of a stage's tables. */
public final class TestStages {
  public static final String RUN_ID = "test-run";

  /**
   * Rates files by path: the bundled one takes half a second to parse, and tests that write their
   * own use a new temporary path each.
   */
  private static final Map<String, EcbRatesFile.Parsed> PARSED_RATES = new ConcurrentHashMap<>();

  private TestStages() {}

  /**
   * The shared session, {@code config}, run {@link #RUN_ID} over every month, and {@code writer}.
   */
  public static StageContext context(CloudshiftConfig config, DeltaTableWriter writer) {
    return context(config, writer, new RunContext(RUN_ID, "test", BillingPeriodRange.all()));
  }

  public static StageContext context(
      CloudshiftConfig config, DeltaTableWriter writer, RunContext run) {
    return new StageContext(SparkTestSession.get(), config, run, writer);
  }

  /** Executes {@code stage}; returns the Delta version it wrote per table, in write order. */
  public static Map<String, Long> execute(PipelineStage stage) {
    StageProgress progress = new StageProgress();
    stage.execute(StageTables.of(stage, progress));
    return progress.tableVersionsInOrder();
  }

  /**
   * The tables of the ingest stage in {@code context}, recording into {@code progress}: for tests
   * that run one part of ingest (charges, the curated inputs) on its own.
   */
  public static StageTables ingest(StageContext context, StageProgress progress) {
    return StageTables.of(new IngestJob(context), progress);
  }

  /** The curated inputs of {@code context}'s config ingested on their own, as ingest does. */
  public static void referenceIngest(StageContext context, StageProgress progress) {
    new ReferenceIngest(context, ratesFile(context.config())).execute(ingest(context, progress));
  }

  /** The reference rates {@code context}'s config reads. */
  public static ReferenceRates rates(StageContext context) {
    return rates(context.config());
  }

  /** The reference rates {@code config} reads (each file parsed once per test JVM). */
  public static ReferenceRates rates(CloudshiftConfig config) {
    return ratesFile(config).rates();
  }

  private static EcbRatesFile.Parsed ratesFile(CloudshiftConfig config) {
    String path = config.input(ReferenceDataset.FX_RATES.id());
    return PARSED_RATES.computeIfAbsent(
        path,
        p -> EcbRatesFile.read(p, SparkTestSession.get().sparkContext().hadoopConfiguration()));
  }
}
