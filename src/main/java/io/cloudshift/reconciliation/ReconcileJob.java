package io.cloudshift.reconciliation;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.RevenueReconciliationTable;
import io.cloudshift.schema.Tables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code reconcile} stage (SPEC §3 {@code revenue_reconciliation}): {@code charges_monthly} (USD
 * rows) against the silver {@code provider_disclosures}, overwritten whole in one commit (plus one
 * when the table comment changes).
 */
public final class ReconcileJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcileJob.class);

  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final DeltaTableWriter writer;

  public ReconcileJob(SparkSession spark, CloudshiftConfig config, DeltaTableWriter writer) {
    this.spark = spark;
    this.config = config;
    this.writer = writer;
  }

  /** Writes revenue_reconciliation; returns the Delta version written. */
  public Map<String, Long> execute() {
    Dataset<Row> chargesMonthly = writer.readSmall(Tables.CHARGES_MONTHLY, "reconcile revenue", "ingest");
    Dataset<Row> disclosures = writer.readSmall(Tables.PROVIDER_DISCLOSURES, "reconcile revenue", "ingest");
    Dataset<Row> rows = RevenueReconciliation.of(chargesMonthly, disclosures, config.providers().values());
    Map<String, Long> versions = new LinkedHashMap<>();
    versions.put(Tables.REVENUE_RECONCILIATION, SparkJobs.described(spark, "cloudshift reconcile: revenue_reconciliation",
        () -> writer.replace(RevenueReconciliationTable.SPEC, rows)));
    LOG.info("Wrote {} version {}", Tables.REVENUE_RECONCILIATION, versions.get(Tables.REVENUE_RECONCILIATION));
    return versions;
  }
}
