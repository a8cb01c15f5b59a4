package io.cloudshift.shares;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.LabConcentrationMonthlyTable;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.ProviderLabMixQuarterlyTable;
import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.terms.TermEvents;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code shares} stage (SPEC §3, §4), the I/O edge around the pure transformations of this
 * package: silver {@code charges} → {@code charges_monthly}; then, from {@code charges_monthly} read
 * back once and {@code partnership_terms}, the gold tables {@code lab_provider_monthly},
 * {@code lab_concentration_monthly}, {@code provider_lab_mix_quarterly} and {@code share_shift_events}.
 * Every table is recomputed whole and replaced in one Delta commit (plus one for the table comment
 * when it changed), so a rerun on the same silver tables writes identical tables.
 */
public final class SharesJob {
  private static final Logger LOG = LoggerFactory.getLogger(SharesJob.class);

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
    Dataset<Row> charges = writer.readRequired(Tables.CHARGES, "compute shares", "ingest");
    writer.readRequired(Tables.PARTNERSHIP_TERMS, "compute shares", "ingest");
    Map<String, Long> versions = new LinkedHashMap<>();
    Dataset<Row> chargesMonthly = null;
    Dataset<Row> terms = null;
    Dataset<Row> labProviderMonthly = null;
    try {
      write(versions, ChargesMonthlyTable.SPEC, () -> MonthlyAggregate.of(charges));

      chargesMonthly = writer.read(Tables.CHARGES_MONTHLY).persist();
      terms = writer.read(Tables.PARTNERSHIP_TERMS).persist();
      Dataset<Row> monthly = chargesMonthly;
      Dataset<Row> partnershipTerms = terms;
      write(versions, LabProviderMonthlyTable.SPEC,
          () -> LabProviderMonthly.of(monthly, partnershipTerms, config.providers().values()));

      // The gold tables below read lab_provider_monthly as written (its types, its grid).
      labProviderMonthly = writer.read(Tables.LAB_PROVIDER_MONTHLY).persist();
      Dataset<Row> grid = labProviderMonthly;
      write(versions, LabConcentrationMonthlyTable.SPEC, () -> LabConcentration.of(grid));
      write(versions, ProviderLabMixQuarterlyTable.SPEC, () -> ProviderLabMix.of(monthly, config.providers().values()));
      write(versions, ShareShiftEventsTable.SPEC,
          () -> ShareShiftEvents.of(grid, TermEvents.of(partnershipTerms), config.shareShiftWindows()));
    } finally {
      unpersist(chargesMonthly);
      unpersist(terms);
      unpersist(labProviderMonthly);
    }
    return Collections.unmodifiableMap(versions);
  }

  private void write(Map<String, Long> versions, TableSpec spec, Supplier<Dataset<Row>> rows) {
    long version = SparkJobs.described(spark, "cloudshift shares: " + spec.name(), () -> writer.overwrite(spec, rows.get()));
    versions.put(spec.name(), version);
    LOG.info("Wrote {} rows to {} (Delta version {})", writer.read(spec.name()).count(), spec.name(), version);
  }

  private static void unpersist(Dataset<Row> cached) {
    if (cached != null) {
      cached.unpersist();
    }
  }
}
