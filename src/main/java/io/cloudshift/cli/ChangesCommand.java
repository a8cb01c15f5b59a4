package io.cloudshift.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.audit.RunChanges;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.InputException;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.schema.Tables;
import io.cloudshift.schema.UpliftMonthlyTable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "Reports what changed between two runs, and which re-deliveries explain it.",
      "Compares uplift_quarterly as run --from committed it with the same table as run --to"
          + " committed it (time travel, within cloudshift.maintenance.retention), lists every"
          + " figure that moved (R, T, net revenues, U and its effects, by event, stream, model and"
          + " quarter) with the restated slices of the same lab, stream and months, and the"
          + " restatements recorded between the two runs. Reads only; run ids are in job_runs."
          + " See docs/operations.md#what-changed-between-two-runs."
    })
final class ChangesCommand implements Callable<Integer> {
  @Mixin CommonOptions options;

  @Option(names = "--from", required = true, paramLabel = "RUN_ID", description = "Earlier run.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "RUN_ID", description = "Later run.")
  String to;

  @Option(
      names = "--event",
      paramLabel = "EVENT_ID",
      description = "Only this terms change's figures (e.g. P13). Default: every event.")
  String event;

  @Option(
      names = "--figure",
      paramLabel = "NAME",
      split = ",",
      description =
          "Only these figures, comma-separated (e.g. uplift,share_effect). Default: all of"
              + " billed_revenue, lab_stream_total, net_actual, net_counterfactual, uplift,"
              + " volume_effect, share_effect, margin_effect.")
  List<String> figures = RunChanges.FIGURES;

  /** A run's uplift stage as job_runs recorded it: when it started and the version it wrote. */
  private record UpliftCommit(String runId, Timestamp startedAt, long version) {}

  @Override
  public Integer call() {
    JobLauncher.launch(
        options,
        BillingPeriodRange.all(),
        "changes",
        (spark, config, warehouse, run, stop) -> {
          DeltaTableWriter tables = new DeltaTableWriter(spark, warehouse, "");
          if (!tables.exists(Tables.JOB_RUNS)) {
            throw new InputException(
                "No job_runs under " + warehouse.root() + ": no run to compare");
          }
          Dataset<Row> jobRuns = tables.read(Tables.JOB_RUNS);
          UpliftCommit before = upliftCommit(jobRuns, from, warehouse.root());
          UpliftCommit after = upliftCommit(jobRuns, to, warehouse.root());
          for (String figure : figures) {
            if (!RunChanges.FIGURES.contains(figure)) {
              throw new UsageException(
                  "--figure " + figure + " is not one of " + String.join(",", RunChanges.FIGURES));
            }
          }
          Dataset<Row> chosen =
              RunChanges.movedFigures(versionOf(tables, before), versionOf(tables, after))
                  .where(col(RunChanges.FIGURE).isin(figures.toArray()));
          Dataset<Row> moved =
              event == null ? chosen : chosen.where(col(Columns.EVENT_ID).equalTo(event));
          Dataset<Row> restated = restatedBetween(tables, jobRuns, before, after);
          List<Row> changed =
              readable(
                  () ->
                      RunChanges.explained(moved, restated)
                          .orderBy(
                              col(Columns.EVENT_ID),
                              col(Columns.QUARTER_BASIS),
                              col(Columns.QUARTER_LABEL),
                              col(Columns.STREAM),
                              col(UpliftMonthlyTable.MODEL),
                              col(RunChanges.FIGURE))
                          .collectAsList(),
                  before,
                  after);
          System.out.println(render(before, after, restated.collectAsList(), changed));
          return null;
        });
    return 0;
  }

  private static UpliftCommit upliftCommit(Dataset<Row> jobRuns, String runId, String root) {
    List<Row> rows =
        jobRuns
            .where(
                col(Columns.RUN_ID)
                    .equalTo(runId)
                    .and(col("job").equalTo("uplift"))
                    .and(col("status").equalTo("SUCCEEDED")))
            .orderBy(col("started_at").desc())
            .select(col("started_at"), col("table_versions").getItem(Tables.UPLIFT_QUARTERLY))
            .collectAsList();
    if (rows.isEmpty() || rows.get(0).isNullAt(1)) {
      throw new InputException(
          "Run "
              + runId
              + " has no successful uplift stage in job_runs under "
              + root
              + ": compare two runs that ran the gold stages (SELECT run_id, job, status FROM"
              + " job_runs lists them)");
    }
    return new UpliftCommit(runId, rows.get(0).getTimestamp(0), rows.get(0).getLong(1));
  }

  /**
   * {@code read}, or one line when a version's files were vacuumed (older than the retention): the
   * log keeps a version longer than its files.
   */
  private static <T> T readable(
      java.util.function.Supplier<T> read, UpliftCommit before, UpliftCommit after) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.io.FileNotFoundException) {
          throw new InputException(
              "Cannot compare runs "
                  + before.runId()
                  + " and "
                  + after.runId()
                  + ": a file of uplift_quarterly version "
                  + before.version()
                  + " or "
                  + after.version()
                  + " was vacuumed (versions older than cloudshift.maintenance.retention are)");
        }
      }
      throw e;
    }
  }

  private static Dataset<Row> versionOf(DeltaTableWriter tables, UpliftCommit commit) {
    Dataset<Row> rows = tables.read(Tables.UPLIFT_QUARTERLY, commit.version());
    try {
      rows.schema();
      return rows;
    } catch (RuntimeException e) {
      throw new InputException(
          "Cannot read uplift_quarterly as run "
              + commit.runId()
              + " wrote it (version "
              + commit.version()
              + "): "
              + e.getMessage()
              + " (versions older than cloudshift.maintenance.retention are vacuumed)");
    }
  }

  /**
   * The restatements of the ingests that started after the earlier run's uplift stage and not after
   * the later one's: the re-deliveries the later figures include and the earlier ones do not.
   */
  private static Dataset<Row> restatedBetween(
      DeltaTableWriter tables, Dataset<Row> jobRuns, UpliftCommit before, UpliftCommit after) {
    Dataset<Row> restatements =
        tables.exists(Tables.RESTATEMENTS)
            ? tables.read(Tables.RESTATEMENTS)
            : tables
                .read(Tables.JOB_RUNS)
                .sparkSession()
                .createDataFrame(List.of(), RestatementsTable.SPEC.schema());
    Dataset<Row> ingests =
        jobRuns
            .where(
                col("job")
                    .equalTo("ingest")
                    .and(col("started_at").gt(lit(before.startedAt())))
                    .and(col("started_at").leq(lit(after.startedAt()))))
            .select(col(Columns.RUN_ID))
            .distinct();
    return restatements.join(ingests, Columns.RUN_ID, "left_semi");
  }

  static String render(
      UpliftCommit before, UpliftCommit after, List<Row> restated, List<Row> figures) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%nChanges from run %s (uplift_quarterly version %d) to run %s (version %d)%n",
            before.runId(), before.version(), after.runId(), after.version()));
    out.append(String.format("%nRestated between the runs: %d group(s)%n", restated.size()));
    for (Row r : restated) {
      out.append(
          String.format(
              "  %s %s %-9s %-10s %-10s %-12s %s %s -> %s (%s)  run %s, delivery %s%n",
              r.getAs(Columns.EXPORT_ID),
              r.<Object>getAs(ChargeColumns.BILLING_MONTH),
              r.getAs(RestatementsTable.STATUS),
              r.getAs(Columns.PROVIDER),
              String.valueOf(r.<Object>getAs(Columns.LAB)),
              r.getAs(Columns.STREAM),
              r.getAs(Columns.REPORTING_CURRENCY),
              millions(r.getAs(RestatementsTable.REPORTING_BEFORE)),
              millions(r.getAs(RestatementsTable.REPORTING_AFTER)),
              signedMillions(
                  difference(
                      r.getAs(RestatementsTable.REPORTING_AFTER),
                      r.getAs(RestatementsTable.REPORTING_BEFORE))),
              r.getAs(Columns.RUN_ID),
              r.<Object>getAs(RestatementsTable.DELIVERY)));
    }
    out.append(
        String.format(
            "%nFigures of uplift_quarterly that moved: %d (millions of the reporting currency)%n",
            figures.size()));
    for (Row r : figures) {
      List<Row> slices = r.getList(r.fieldIndex(RunChanges.SLICES));
      StringBuilder why = new StringBuilder();
      for (Row s : slices) {
        why.append(why.isEmpty() ? "" : "; ")
            .append(s.getAs(Columns.EXPORT_ID).toString())
            .append(' ')
            .append(s.<Object>getAs(ChargeColumns.BILLING_MONTH))
            .append(' ')
            .append(signedMillions(s.getAs(RunChanges.SLICE_CHANGE)));
      }
      out.append(
          String.format(
              "  %s %s %s %-12s %-8s %-20s %s -> %s (%s)  %s%n",
              r.getAs(Columns.EVENT_ID),
              r.getAs(Columns.QUARTER_BASIS),
              r.getAs(Columns.QUARTER_LABEL),
              r.getAs(Columns.STREAM),
              r.getAs(UpliftMonthlyTable.MODEL),
              r.getAs(RunChanges.FIGURE),
              millions(r.getAs(RunChanges.BEFORE)),
              millions(r.getAs(RunChanges.AFTER)),
              signedMillions(r.getAs(RunChanges.CHANGE)),
              why.isEmpty()
                  ? "no restated slice of this lab, stream and quarter: terms, rates, lab revenue"
                      + " or configuration changed"
                  : "restated: " + why));
    }
    return out.toString();
  }

  private static BigDecimal difference(BigDecimal after, BigDecimal before) {
    return after == null || before == null ? null : after.subtract(before);
  }

  private static String millions(BigDecimal amount) {
    return amount == null ? "null" : String.format("%,.1f", amount.movePointLeft(6));
  }

  private static String signedMillions(BigDecimal amount) {
    return amount == null ? "null" : String.format("%+,.1f", amount.movePointLeft(6));
  }
}
