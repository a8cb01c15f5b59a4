package io.cloudshift.ingest.reference;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ProviderConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.RecordCounter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.PartnershipColumns;
import io.cloudshift.schema.Tables;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Curated reference inputs → silver {@code partnership_terms}, {@code lab_revenue},
 * {@code provider_disclosures} and the quarantine tables {@code rejected_partnerships} and
 * {@code rejected_reference} (SPEC §2.3–2.5, §3, §6). The I/O edge: it reads, counts and writes; the
 * rules live in the transform classes.
 *
 * <p>Every input is read in full each run, so each run replaces what the previous one wrote:
 * partnership_terms is synchronised with one MERGE on (lab, provider, valid_from) (only changed
 * versions are rewritten), the other tables are overwritten. Rerunning with the same inputs leaves
 * every table with the same rows. All inputs are opened before anything is written, so a missing
 * file fails the run with every table unchanged; each table write is one atomic Delta commit.
 */
public final class ReferenceIngest {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceIngest.class);

  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final DeltaTableWriter writer;
  private final String runId;
  private final RecordCounter counter;

  public ReferenceIngest(SparkSession spark, CloudshiftConfig config, DeltaTableWriter writer, String runId) {
    this.counter = new RecordCounter(spark.sparkContext().hadoopConfiguration());
    this.spark = spark;
    this.config = config;
    this.writer = writer;
    this.runId = runId;
  }

  public ReferenceIngestResult execute() {
    CuratedCsvReader reader = new CuratedCsvReader(spark);
    Input partnerships = open(reader, ReferenceDataset.PARTNERSHIPS);
    Input labRevenue = open(reader, ReferenceDataset.LAB_REVENUE);
    Input disclosures = open(reader, ReferenceDataset.PROVIDER_DISCLOSURES);

    // Sorted, so reason details listing the allowed providers read the same on every run.
    Map<String, Integer> fiscalStarts = new TreeMap<>();
    for (ProviderConfig provider : config.providers().values()) {
      fiscalStarts.put(provider.id(), provider.fiscalYearStartMonth());
    }
    Outcome terms = new PartnershipTransform(List.copyOf(fiscalStarts.keySet())).apply(partnerships.rows()).cached();
    Outcome revenue = new LabRevenueTransform().apply(labRevenue.rows()).cached();
    Outcome disclosed = new DisclosureTransform(fiscalStarts).apply(disclosures.rows()).cached();
    try {
      return write(partnerships, labRevenue, disclosures, terms, revenue, disclosed);
    } finally {
      List.of(terms, revenue, disclosed).forEach(Outcome::uncache);
    }
  }

  private ReferenceIngestResult write(Input partnerships, Input labRevenue, Input disclosures, Outcome terms, Outcome revenue, Outcome disclosed) {

    List<InputFileCount> counts = new ArrayList<>();
    counts.add(count(partnerships, terms, Tables.REJECTED_PARTNERSHIPS));
    counts.add(count(labRevenue, revenue, Tables.REJECTED_REFERENCE));
    counts.add(count(disclosures, disclosed, Tables.REJECTED_REFERENCE));

    Dataset<Row> rejectedPartnerships = Quarantine.partnershipRows(terms.rejected(), runId, partnerships.path());
    Dataset<Row> rejectedReference =
        Quarantine.referenceRows(revenue.rejected(), ReferenceDataset.LAB_REVENUE, runId, labRevenue.path())
            .unionByName(
                Quarantine.referenceRows(disclosed.rejected(), ReferenceDataset.PROVIDER_DISCLOSURES, runId, disclosures.path()));

    Map<String, Long> versions = new LinkedHashMap<>();
    write(versions, Tables.PARTNERSHIP_TERMS, () -> writer.mergeSync(Tables.PARTNERSHIP_TERMS, terms.silver(), PartnershipColumns.KEY));
    write(versions, Tables.REJECTED_PARTNERSHIPS, () -> writer.replace(Tables.REJECTED_PARTNERSHIPS, rejectedPartnerships));
    write(versions, Tables.LAB_REVENUE, () -> writer.replace(Tables.LAB_REVENUE, revenue.silver()));
    write(versions, Tables.PROVIDER_DISCLOSURES, () -> writer.replace(Tables.PROVIDER_DISCLOSURES, disclosed.silver()));
    // Written even when empty: the quarantine tables must exist (with their schema) for queries and audits.
    write(versions, Tables.REJECTED_REFERENCE, () -> writer.replace(Tables.REJECTED_REFERENCE, rejectedReference));
    return new ReferenceIngestResult(counts, versions);
  }

  /** A curated input opened (header checked), with its configured path. */
  private record Input(ReferenceDataset dataset, String path, Dataset<Row> rows) {}

  private Input open(CuratedCsvReader reader, ReferenceDataset dataset) {
    String path = config.input(dataset.id());
    return SparkJobs.described(spark, "reference ingest: read " + dataset.id(), () -> new Input(dataset, path, reader.read(dataset, path)));
  }

  /**
   * The input's rows: its records counted without Spark (RecordCounter), which must be exactly the
   * rows placed in silver and in quarantine.
   */
  private InputFileCount count(Input input, Outcome outcome, String quarantineTable) {
    InputFileCount count =
        SparkJobs.described(spark,
            "reference ingest: count " + input.dataset().id(),
            () ->
                new InputFileCount(
                    input.dataset().id(),
                    input.path(),
                    counter.csvRecords(new Path(input.path()), StandardCharsets.UTF_8),
                    outcome.silver().count(),
                    outcome.rejected().count()));
    if (count.rowsIn() != count.rowsSilver() + count.rowsQuarantine()) {
      throw new IllegalStateException("Cannot account for the rows of " + input.path() + ": the file holds " + count.rowsIn()
          + " record(s), ingest placed " + count.rowsSilver() + " in silver and " + count.rowsQuarantine()
          + " in quarantine (nothing was written; this is a bug: please report it with the file)");
    }
    LOG.info(
        "{} input {}: {} rows read, {} silver, {} quarantined",
        count.dataset(), count.sourceFile(), count.rowsIn(), count.rowsSilver(), count.rowsQuarantine());
    if (count.rowsQuarantine() > 0) {
      LOG.warn(
          "{} input {}: {} row(s) quarantined, see table {} (run_id = '{}') for reason_code and reason_detail",
          count.dataset(), count.sourceFile(), count.rowsQuarantine(), quarantineTable, runId);
    }
    return count;
  }

  private void write(Map<String, Long> versions, String table, Supplier<Long> commit) {
    long version = SparkJobs.described(spark, "reference ingest: write " + table, commit);
    LOG.info("Wrote {} (Delta version {})", table, version);
    versions.put(table, version);
  }
}
