package io.cloudshift.ingest;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.ChargesTable;
import io.cloudshift.schema.QuarantineTables;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.stage.PipelineStage;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageRunner;
import io.cloudshift.stage.StageTables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Charge ingest of hand-made exports under one folder: {@code exports/<id>} per export, one
 * warehouse, no reject threshold unless a test sets one. The progress of the last ingest is kept,
 * including when it failed, as job_runs would record it.
 */
final class IngestHarness {
  private final Path root;
  private final Map<String, String> exports;
  private final Map<String, String> overrides;
  private StageProgress progress;

  /** {@code exports}: id → "provider format" (e.g. "azure csv"). */
  IngestHarness(Path root, Map<String, String> exports, Map<String, String> overrides) {
    this.root = root;
    this.exports = exports;
    this.overrides = overrides;
  }

  IngestHarness(Path root, Map<String, String> exports) {
    this(root, exports, Map.of("quality.max-reject-ratio", "1"));
  }

  Path export(String id) {
    return root.resolve("exports").resolve(id);
  }

  DeltaTableWriter writer() {
    return new DeltaTableWriter(
        SparkTestSession.get(),
        new Warehouse(root.resolve("warehouse").toString()),
        "{\"test\":true}");
  }

  CloudshiftConfig config() {
    String list =
        exports.entrySet().stream()
            .map(
                e -> {
                  String[] providerFormat = e.getValue().split(" ");
                  return "{ id = "
                      + e.getKey()
                      + ", provider = "
                      + providerFormat[0]
                      + ", format = "
                      + providerFormat[1]
                      + ", path = \""
                      + export(e.getKey())
                      + "\" }";
                })
            .collect(Collectors.joining(", ", "[", "]"));
    return TestConfigs.withExports(list, overrides);
  }

  /**
   * Ingests every export over every month as run {@code runId}; the progress is kept even when it
   * throws.
   */
  StageProgress ingest(String runId) {
    return ingest(runId, BillingPeriodRange.all());
  }

  StageProgress ingest(String runId, BillingPeriodRange period) {
    StageProgress run = new StageProgress();
    progress = run;
    StageContext context =
        TestStages.context(config(), writer(), new RunContext(runId, "ingest", period));
    new ChargeIngest(context, TestStages.rates(context)).execute(TestStages.ingest(context, run));
    return run;
  }

  /**
   * As {@link #ingest(String)}, through StageRunner: the run leaves its job_runs row, whether it
   * succeeds or fails.
   */
  void ingestAudited(String runId) {
    StageContext context =
        TestStages.context(
            config(), writer(), new RunContext(runId, "ingest", BillingPeriodRange.all()));
    PipelineStage charges =
        new PipelineStage(
            context,
            "ingest",
            List.of(),
            List.of(
                QuarantineTables.REJECTED_CHARGES,
                ChargesTable.SPEC,
                ChargesMonthlyTable.SPEC,
                RestatementsTable.SPEC),
            true) {
          @Override
          public void execute(StageTables tables) {
            progress = tables.progress();
            new ChargeIngest(context, TestStages.rates(context)).execute(tables);
          }
        };
    new StageRunner(context, List.of(charges)).run(charges);
  }

  StageProgress progress() {
    return progress;
  }

  Dataset<Row> table(String name) {
    return writer().read(name);
  }
}
