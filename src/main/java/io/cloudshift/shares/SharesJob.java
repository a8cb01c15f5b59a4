package io.cloudshift.shares;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.LabConcentrationMonthlyTable;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.ProviderLabMixQuarterlyTable;
import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.terms.TermEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code shares} stage (SPEC §3, §4), the I/O edge around the pure transformations of this
 * package: from {@code charges_monthly} (written by ingest; never the silver charges) and
 * {@code partnership_terms}, the gold tables {@code lab_provider_monthly},
 * {@code lab_concentration_monthly}, {@code provider_lab_mix_quarterly} and {@code share_shift_events}.
 * Every table is recomputed whole and replaced in one Delta commit, so a rerun on the same silver
 * tables writes identical tables.
 */
public final class SharesJob {
  private static final Logger LOG = LoggerFactory.getLogger(SharesJob.class);
  private static final String ACTION = "compute shares";

  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final DeltaTableWriter writer;

  public SharesJob(SparkSession spark, CloudshiftConfig config, DeltaTableWriter writer) {
    this.spark = spark;
    this.config = config;
    this.writer = writer;
  }

  /** Writes every table of the stage; returns table name → Delta version written, in write order. */
  public Map<String, Long> execute() {
    Dataset<Row> monthly = writer.readSmall(Tables.CHARGES_MONTHLY, ACTION, "ingest").persist();
    Dataset<Row> terms = writer.readSmall(Tables.PARTNERSHIP_TERMS, ACTION, "ingest").persist();
    // The tables below read lab_provider_monthly as it is stored (its types, its complete grid).
    Dataset<Row> grid = LabProviderMonthlyTable.SPEC.conform(LabProviderMonthly.of(monthly, terms, config.providers().values())).persist();
    Map<String, Long> versions = new LinkedHashMap<>();
    try {
      write(versions, LabProviderMonthlyTable.SPEC, grid);
      write(versions, LabConcentrationMonthlyTable.SPEC, LabConcentration.of(grid));
      write(versions, ProviderLabMixQuarterlyTable.SPEC, ProviderLabMix.of(monthly, config.providers().values()));
      write(versions, ShareShiftEventsTable.SPEC, ShareShiftEvents.of(grid, TermEvents.of(terms), config.shareShiftWindows()));
    } finally {
      grid.unpersist();
      terms.unpersist();
      monthly.unpersist();
    }
    return versions;
  }

  private void write(Map<String, Long> versions, TableSpec spec, Dataset<Row> rows) {
    long version = SparkJobs.described(spark, "cloudshift shares: " + spec.name(), () -> writer.replace(spec, rows));
    versions.put(spec.name(), version);
    LOG.info("Wrote {} (Delta version {})", spec.name(), version);
  }
}
