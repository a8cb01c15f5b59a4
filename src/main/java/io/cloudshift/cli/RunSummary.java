package io.cloudshift.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.JobRun;
import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Stream;
import io.cloudshift.schema.Tables;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The short human summary printed at the end of a run: where the tables are and what went in. */
final class RunSummary {
  private RunSummary() {}

  /** Prints the summary of finished stages to standard output (logs go to standard error). */
  static void print(List<JobRun> stages, SparkSession spark, Warehouse warehouse, String currency) {
    System.out.println(
        render(stages, warehouse, new DeltaTableWriter(spark, warehouse, ""), currency));
  }

  static String render(
      List<JobRun> stages, Warehouse warehouse, DeltaTableWriter tables, String currency) {
    StringBuilder out = new StringBuilder();
    JobRun first = stages.get(0);
    out.append(
        String.format("%ncloudshift run %s, period %s%n", first.runId(), first.logicalPeriod()));
    Map<String, Long> versions = new TreeMap<>();
    for (JobRun stage : stages) {
      double seconds =
          (stage.finishedAt().toEpochMilli() - stage.startedAt().toEpochMilli()) / 1000.0;
      out.append(
          String.format(
              "  %-10s %-9s %7.1f s  %d table(s)%n",
              stage.job(), stage.status(), seconds, stage.tableVersions().size()));
      versions.putAll(stage.tableVersions());
    }
    out.append("Tables under ").append(displayRoot(warehouse)).append(":\n");
    versions.forEach(
        (table, version) -> out.append(String.format("  %-30s version %d%n", table, version)));
    out.append(String.format("  %-30s one row per stage appended%n", Tables.JOB_RUNS));
    stages.stream()
        .filter(s -> s.job().equals(Stage.INGEST.command()))
        .forEach(ingest -> appendIngest(out, ingest, tables, currency));
    return out.toString();
  }

  private static void appendIngest(
      StringBuilder out, JobRun run, DeltaTableWriter tables, String currency) {
    out.append(
        String.format(
            "Rows: %,d read, %,d in silver, %,d quarantined (%.3f%%), %,d unattributed charges%n",
            run.rowsIn(),
            run.rowsSilver(),
            run.rowsQuarantine(),
            run.rejectRatio() * 100,
            run.rowsUnattributed()));
    Map<String, long[]> perDataset = new TreeMap<>();
    for (InputCount i : run.inputs()) {
      String key = i.exportId() != null ? "export " + i.exportId() : i.dataset();
      long[] n = perDataset.computeIfAbsent(key, k -> new long[3]);
      n[0] += i.rowsIn();
      n[1] += i.rowsSilver();
      n[2] += i.rowsQuarantine();
    }
    perDataset.forEach(
        (k, n) ->
            out.append(
                String.format(
                    "  %-24s %,9d read %,9d silver %,6d quarantined%n", k, n[0], n[1], n[2])));
    // The aggregate as this run's ingest wrote it, whatever was committed since.
    Long version = run.tableVersions().get(Tables.CHARGES_MONTHLY);
    if (version != null) {
      out.append(
          String.format(
              "Billed revenue in silver charges (%s millions, rows counting as revenue, all"
                  + " months):%n",
              currency));
      out.append(
          String.format(
              "  %-10s %12s %12s %14s %8s%n",
              "provider", "compute", "resale", "unattributed", "latest"));
      for (Row r :
          tables
              .read(Tables.CHARGES_MONTHLY, version)
              .groupBy(Columns.PROVIDER)
              .agg(
                  millions(Stream.COMPUTE),
                  millions(Stream.RESALE),
                  millions(Stream.UNATTRIBUTED),
                  max(col(Columns.MONTH)))
              .orderBy(Columns.PROVIDER)
              .collectAsList()) {
        out.append(
            String.format(
                "  %-10s %,12.1f %,12.1f %,14.1f %8s%n",
                r.getString(0),
                r.getDouble(1),
                r.getDouble(2),
                r.getDouble(3),
                r.getDate(4).toString().substring(0, 7)));
      }
    }
  }

  /** A local warehouse is shown as an absolute path, so it can be pasted into a notebook. */
  private static String displayRoot(Warehouse warehouse) {
    return warehouse.root().contains("://")
        ? warehouse.root()
        : java.nio.file.Path.of(warehouse.root()).toAbsolutePath().normalize().toString();
  }

  private static Column millions(Stream stream) {
    return round(
        ConvertedSums.sum(
                when(
                        col(Columns.STREAM).equalTo(stream.value()),
                        col(Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX))
                    .otherwise(lit(0)))
            .cast("double")
            .divide(1e6),
        1);
  }
}
