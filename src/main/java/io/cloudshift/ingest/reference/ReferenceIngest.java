package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.LabNames;
import io.cloudshift.config.ProviderConfig;
import io.cloudshift.ingest.DataQualityException;
import io.cloudshift.io.RecordCounter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.FxRatesTable;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.PartnershipColumns;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.ProviderDisclosuresTable;
import io.cloudshift.schema.QuarantineTables;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Curated reference inputs → silver {@code partnership_terms}, {@code lab_revenue}, {@code
 * provider_disclosures} and the quarantine tables {@code rejected_partnerships} and {@code
 * rejected_reference} (docs/methodology.md#inputs; docs/guarantees.md). The I/O edge: it reads,
 * counts and writes; the rules live in the transform classes.
 *
 * <p>Every input is read in full each run, so each run replaces what the previous one wrote:
 * partnership_terms is synchronised with one MERGE on (lab, provider, valid_from) (only changed
 * versions are rewritten), the other tables are overwritten. Rerunning with the same inputs leaves
 * every table with the same rows. All inputs are opened before anything is written, so a missing
 * file fails the run with every table unchanged; each table write is one atomic Delta commit.
 */
public final class ReferenceIngest {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceIngest.class);

  private final StageContext context;
  private final String runId;
  private final RecordCounter counter;
  private final EcbRatesFile.Parsed fxRates;

  /** {@code fxRates}: the reference rates file, read by the ingest before the charges. */
  public ReferenceIngest(StageContext context, EcbRatesFile.Parsed fxRates) {
    this.context = context;
    this.runId = context.run().runId();
    this.counter = new RecordCounter(context.spark().sparkContext().hadoopConfiguration());
    this.fxRates = fxRates;
  }

  /**
   * Reads, checks and writes every curated input, reporting each input's rows and each commit to
   * the stage's progress.
   */
  public void execute(StageTables tables) {
    StageProgress progress = tables.progress();
    CuratedCsvReader reader = new CuratedCsvReader(context.spark());
    Input partnerships = open(reader, ReferenceDataset.PARTNERSHIPS);
    Input labRevenue = open(reader, ReferenceDataset.LAB_REVENUE);
    Input disclosures = open(reader, ReferenceDataset.PROVIDER_DISCLOSURES);

    // Sorted, so reason details listing the allowed providers read the same on every run.
    Map<String, Integer> fiscalStarts = new TreeMap<>();
    for (ProviderConfig provider : context.config().providers().values()) {
      fiscalStarts.put(provider.id(), provider.fiscalYearStartMonth());
    }
    LabNames labs = context.config().labNames();
    Outcome terms =
        new PartnershipTransform(List.copyOf(fiscalStarts.keySet()), labs, context.run().asOf())
            .apply(partnerships.rows())
            .cached();
    Outcome revenue = new LabRevenueTransform(labs).apply(labRevenue.rows()).cached();
    Outcome disclosed = new DisclosureTransform(fiscalStarts).apply(disclosures.rows()).cached();
    Outcome rates = FxRatesTransform.apply(context.spark(), fxRates).cached();
    try {
      checkLabNames(progress, partnerships, labRevenue, terms, revenue);
      write(tables, partnerships, labRevenue, disclosures, terms, revenue, disclosed, rates);
    } finally {
      List.of(terms, revenue, disclosed, rates).forEach(Outcome::uncache);
    }
  }

  private void write(
      StageTables tables,
      Input partnerships,
      Input labRevenue,
      Input disclosures,
      Outcome terms,
      Outcome revenue,
      Outcome disclosed,
      Outcome rates) {
    // Every input accounted for before anything is written.
    List<InputCount> counts =
        List.of(
            count(partnerships, terms, QuarantineTables.REJECTED_PARTNERSHIPS.name()),
            count(labRevenue, revenue, QuarantineTables.REJECTED_REFERENCE.name()),
            count(disclosures, disclosed, QuarantineTables.REJECTED_REFERENCE.name()),
            countRates(rates));
    tables.progress().readAll(counts);

    Dataset<Row> rejectedPartnerships =
        Quarantine.partnershipRows(terms.rejected(), runId, partnerships.path());
    Dataset<Row> rejectedReference =
        Quarantine.referenceRows(
                revenue.rejected(), ReferenceDataset.LAB_REVENUE, runId, labRevenue.path())
            .unionByName(
                Quarantine.referenceRows(
                    disclosed.rejected(),
                    ReferenceDataset.PROVIDER_DISCLOSURES,
                    runId,
                    disclosures.path()))
            .unionByName(
                Quarantine.referenceRows(
                    rates.rejected(), ReferenceDataset.FX_RATES, runId, fxRates.path()));

    tables.write(PartnershipTermsTable.SPEC, terms.silver());
    tables.write(QuarantineTables.REJECTED_PARTNERSHIPS, rejectedPartnerships);
    tables.write(LabRevenueTable.SPEC, revenue.silver());
    tables.write(ProviderDisclosuresTable.SPEC, disclosed.silver());
    tables.write(FxRatesTable.SPEC, rates.silver());
    // Written even when empty: the quarantine tables must exist (with their schema) for queries and
    // audits.
    tables.write(QuarantineTables.REJECTED_REFERENCE, rejectedReference);
  }

  /**
   * Lab names are matched to the attribution rules' spelling ignoring case and spaces ({@link
   * LabNames}); a name that still matches no rule is a lab no charge can be attributed to, so its
   * terms changes get no shares and no uplift: reported, not fatal. Losing the configured headline
   * event is fatal, before anything is written: the run would otherwise end with an empty headline
   * and exit 0.
   */
  private void checkLabNames(
      StageProgress progress,
      Input partnerships,
      Input labRevenue,
      Outcome terms,
      Outcome revenue) {
    List<String> known = context.config().labNames().labs();
    List<String> unknownInTerms = unknownLabs(terms.silver(), known);
    if (!unknownInTerms.isEmpty()) {
      progress.note(
          "Partnership records "
              + partnerships.path()
              + " name lab(s) "
              + unknownInTerms
              + " that no attribution rule names "
              + "(known: "
              + known
              + "): their terms changes have no attributed spend, hence no shares or uplift");
    }
    List<String> unknownInRevenue = unknownLabs(revenue.silver(), known);
    if (!unknownInRevenue.isEmpty()) {
      progress.note(
          "Lab revenue "
              + labRevenue.path()
              + " names lab(s) "
              + unknownInRevenue
              + " that no attribution rule names "
              + "(known: "
              + known
              + "): their figures are not used");
    }
    context
        .config()
        .headline()
        .ifPresent(
            headline -> {
              boolean present =
                  !terms
                      .silver()
                      .where(
                          col(Columns.LAB)
                              .equalTo(headline.lab())
                              .and(col(Columns.PROVIDER).equalTo(headline.provider()))
                              .and(
                                  col(PartnershipColumns.VALID_FROM)
                                      .equalTo(lit(Date.valueOf(headline.effectiveFrom())))))
                      .isEmpty();
              if (!present) {
                throw new DataQualityException(
                    "Cannot ingest partnership records: "
                        + partnerships.path()
                        + " holds no valid record of the "
                        + "headline terms change (cloudshift.summary.headline: "
                        + headline.lab()
                        + " x "
                        + headline.provider()
                        + " from "
                        + headline.effectiveFrom()
                        + ")"
                        + (unknownInTerms.isEmpty()
                            ? ""
                            : "; labs that no attribution rule names: " + unknownInTerms)
                        + " (nothing was written; fix the records, see rejected_partnerships of an"
                        + " earlier run, or the headline)");
              }
            });
  }

  private static List<String> unknownLabs(Dataset<Row> silver, List<String> known) {
    return silver
        .select(Columns.LAB)
        .distinct()
        .where(not(col(Columns.LAB).isin(known.toArray())))
        .orderBy(Columns.LAB)
        .as(Encoders.STRING())
        .collectAsList();
  }

  /**
   * The rates file's data lines, counted as the file was read, must be exactly its publication days
   * in silver plus its lines in quarantine.
   */
  private InputCount countRates(Outcome rates) {
    String dataset = ReferenceDataset.FX_RATES.id();
    return SparkJobs.described(
        context.spark(),
        "cloudshift ingest: count " + dataset,
        () -> {
          long days = rates.silver().select(FxRatesTable.RATE_DATE).distinct().count();
          long quarantined = rates.rejected().count();
          if (fxRates.lines() != days + quarantined) {
            throw new IllegalStateException(
                "Cannot account for the lines of "
                    + fxRates.path()
                    + ": the file holds "
                    + fxRates.lines()
                    + " data line(s), ingest placed "
                    + days
                    + " day(s) in silver and "
                    + quarantined
                    + " in quarantine (nothing was written; this is a bug: please report it with"
                    + " the file)");
          }
          LOG.info(
              "{} input {}: {} lines read, {} publication days ({} to {}), {} quarantined",
              dataset,
              fxRates.path(),
              fxRates.lines(),
              days,
              fxRates.rates().isEmpty() ? "-" : fxRates.rates().byDay().firstKey(),
              fxRates.rates().isEmpty() ? "-" : fxRates.rates().byDay().lastKey(),
              quarantined);
          return new InputCount(
              dataset, null, fxRates.path(), fxRates.lines(), days, quarantined, 0, 0, 0);
        });
  }

  /** A curated input opened (header checked), with its configured path. */
  private record Input(ReferenceDataset dataset, String path, Dataset<Row> rows) {}

  private Input open(CuratedCsvReader reader, ReferenceDataset dataset) {
    String path = context.config().input(dataset.id());
    return SparkJobs.described(
        context.spark(),
        "cloudshift ingest: read " + dataset.id(),
        () -> new Input(dataset, path, reader.read(dataset, path)));
  }

  /**
   * The input's rows: its records counted without Spark (RecordCounter), which must be exactly the
   * rows placed in silver and in quarantine.
   */
  private InputCount count(Input input, Outcome outcome, String quarantineTable) {
    return SparkJobs.described(
        context.spark(),
        "cloudshift ingest: count " + input.dataset().id(),
        () -> {
          long records = counter.csvRecords(new Path(input.path()), StandardCharsets.UTF_8);
          long silver = outcome.silver().count();
          long quarantined = outcome.rejected().count();
          if (records != silver + quarantined) {
            throw new IllegalStateException(
                "Cannot account for the rows of "
                    + input.path()
                    + ": the file holds "
                    + records
                    + " record(s), ingest placed "
                    + silver
                    + " in silver and "
                    + quarantined
                    + " in quarantine (nothing was written; this is a bug: please report it with"
                    + " the file)");
          }
          LOG.info(
              "{} input {}: {} rows read, {} silver, {} quarantined",
              input.dataset().id(),
              input.path(),
              records,
              silver,
              quarantined);
          if (quarantined > 0) {
            LOG.warn(
                "{} input {}: {} row(s) quarantined, see table {} (run_id = '{}') for reason_code"
                    + " and reason_detail",
                input.dataset().id(),
                input.path(),
                quarantined,
                quarantineTable,
                runId);
          }
          return new InputCount(
              input.dataset().id(), null, input.path(), records, silver, quarantined, 0, 0, 0);
        });
  }
}
