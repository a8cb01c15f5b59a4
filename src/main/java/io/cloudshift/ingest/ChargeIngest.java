package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.audit.DeliveryOutcome;
import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.currency.CurrencyConversion;
import io.cloudshift.currency.ReferenceRates;
import io.cloudshift.ingest.ChargeSelection.Disposition;
import io.cloudshift.ingest.ChargeSelection.ExportDeliveries;
import io.cloudshift.ingest.ChargeSelection.SurveyCell;
import io.cloudshift.ingest.delivery.Deliveries;
import io.cloudshift.ingest.delivery.Delivery;
import io.cloudshift.io.FocusFile;
import io.cloudshift.io.FocusFileLister;
import io.cloudshift.io.RecordCounter;
import io.cloudshift.io.SmallFrames;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.io.UnreadableFileException;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.ChargesTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.QuarantineTables;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.schema.Stream;
import io.cloudshift.stage.StageContext;
import io.cloudshift.stage.StageTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FOCUS exports → silver {@code charges}, {@code rejected_charges} and {@code charges_monthly}
 * (docs/methodology.md#billing-charges-focus; docs/ingest.md, "Delivery model";
 * docs/guarantees.md). For every configured export and every billing month of the run's period, the
 * latest delivery of the month replaces the whole (export, month) slice; a month no delivery holds
 * any more is removed. In passes over the files:
 *
 * <ol>
 *   <li>survey: rows per (file, billing month, reason), which decides every row's place ({@link
 *       ChargeSelection}) and the reject ratio before anything is written; each file's rows must
 *       equal its records as counted from the file without Spark ({@link RecordCounter});
 *   <li>quarantine: the rejected rows, written even when the ratio fails the run, for inspection;
 *   <li>silver: the clean rows of the winning deliveries, one commit replacing the (export, month)
 *       partitions of the period, which is a metadata operation whatever the number of accounts;
 *   <li>read-back of the written partitions (narrow), giving charges_monthly for the same range and
 *       each file's silver rows, and of the run's quarantined rows, both checked against the
 *       survey: so a file's records = its rows in silver + in quarantine + out of scope +
 *       superseded.
 * </ol>
 */
public final class ChargeIngest {
  static final String DATASET = "focus";
  private static final Logger LOG = LoggerFactory.getLogger(ChargeIngest.class);
  private final SparkSession spark;
  private final CloudshiftConfig config;
  private final String runId;
  private final BillingPeriodRange period;
  private final FocusFileLister lister;
  private final ExportLoader loader;
  private final ChargeParser parser;
  private final RecordCounter counter;
  private final UnaryOperator<Dataset<Row>> parsedRows;
  private final CurrencyConversion conversion;

  /** The exports this execution has held back so far. */
  private HeldBackExports heldBack = new HeldBackExports();

  /**
   * {@code rates}: the reference rates charges_monthly is converted to the reporting currency at.
   */
  public ChargeIngest(StageContext context, ReferenceRates rates) {
    this(context, rates, UnaryOperator.identity());
  }

  /**
   * As the public constructor, with {@code parsedRows} applied to the parsed rows before anything
   * counts them: tests drop a row there to see the row accounting fail the run.
   */
  ChargeIngest(StageContext context, ReferenceRates rates, UnaryOperator<Dataset<Row>> parsedRows) {
    this.spark = context.spark();
    this.config = context.config();
    this.runId = context.run().runId();
    this.period = context.run().period();
    this.lister = new FocusFileLister(spark);
    this.loader =
        new ExportLoader(spark, lister, new FocusNormalizer(config.focusRules().nullLiterals()));
    this.parser = new ChargeParser(config.focusRules());
    this.counter = new RecordCounter(spark.sparkContext().hadoopConfiguration());
    this.parsedRows = parsedRows;
    this.conversion = new CurrencyConversion(rates, config.reportingCurrency());
  }

  /**
   * Ingests every export; an export with a file that cannot be read is held back ({@link
   * HeldBackExports}) and the others ingested again without it, then the run fails naming the file.
   * Unreadable files are found before anything is written (reading headers, counting records,
   * Spark's survey), so an attempt that finds one has changed no table.
   */
  public void execute(StageTables tables) {
    heldBack = new HeldBackExports();
    while (true) {
      List<ExportDeliveries> deliveries = planned(tables.progress());
      try {
        execute(deliveries, tables);
        break;
      } catch (UnreadableFileException e) {
        holdBack(HeldBackExports.locate(e, deliveries), e);
      }
    }
    if (!heldBack.isEmpty()) {
      throw heldBack.failure();
    }
  }

  /**
   * The deliveries of every export not held back; an export with two copies of a file in one
   * delivery is held back here.
   */
  private List<ExportDeliveries> planned(StageProgress progress) {
    List<ExportDeliveries> planned = new ArrayList<>();
    for (ExportConfig export : config.exports()) {
      if (heldBack.holds(export.id())) {
        continue;
      }
      ExportDeliveries deliveries = plan(export, progress);
      Optional<HeldBackExports.HeldBackFile> twins = HeldBackExports.compressionTwins(deliveries);
      if (twins.isPresent()) {
        holdBack(twins.get(), null);
      } else {
        planned.add(deliveries);
      }
    }
    return planned;
  }

  private void holdBack(HeldBackExports.HeldBackFile file, RuntimeException cause) {
    if (!heldBack.hold(file)) {
      throw new IllegalStateException(
          "Export " + file.export().id() + " was held back and read again (this is a bug)", cause);
    }
    LOG.warn(
        "Export {}: {}; the export is held back (its slices keep their previous version), ingesting"
            + " the others",
        file.export().id(),
        file.problem());
  }

  private void execute(List<ExportDeliveries> deliveries, StageTables tables) {
    long bytes =
        deliveries.stream().flatMap(e -> e.filesRead().stream()).mapToLong(FocusFile::length).sum();
    boolean small = bytes <= config.smallInputMaxBytes();
    LOG.info(
        "Charges: {} byte(s) of input, {}",
        bytes,
        small
            ? "small: parsed once and cached, run without code generation"
            : "above cloudshift.ingest.small-input-max-bytes: read by each pass, run with code"
                + " generation");
    if (small) {
      ingest(deliveries, true, tables);
    } else {
      SparkJobs.compiled(
          spark,
          () -> {
            ingest(deliveries, false, tables);
            return null;
          });
    }
  }

  private void ingest(List<ExportDeliveries> deliveries, boolean cache, StageTables tables) {
    Optional<Dataset<Row>> rows = read(deliveries, cache);
    // Counted on the driver while Spark surveys the same files.
    CompletableFuture<Map<String, Long>> counted =
        CompletableFuture.supplyAsync(() -> countRecords(deliveries));
    try {
      List<SurveyCell> cells = surveyed(rows, counted);
      ChargeSelection selection =
          ChargeSelection.resolve(period, deliveries, cells, joined(counted));
      requireEveryRecordSurveyed(selection);
      StageProgress progress = tables.progress();
      progress.readAll(selection.inputs());
      progress.delivered(selection.outcomes());
      progress.delivered(heldBack.outcomes());
      long silver = selection.rows(Disposition.SILVER);
      long quarantined = selection.rows(Disposition.QUARANTINE);
      double ratio = silver + quarantined == 0 ? 0 : (double) quarantined / (silver + quarantined);
      LOG.info(
          "Charges: {} file(s) read, {} rows to silver, {} quarantined ({}), {} out of scope, {}"
              + " superseded",
          selection.inputs().size(),
          silver,
          quarantined,
          String.format("%.4f%%", ratio * 100),
          selection.rows(Disposition.OUT_OF_SCOPE),
          selection.rows(Disposition.SUPERSEDED));

      tables.write(
          QuarantineTables.REJECTED_CHARGES, rejected(rows, selection), rejectedRange(selection));
      if (ratio > config.maxRejectRatio()) {
        throw new RejectRatioExceededException(
            String.format(
                "Cannot ingest charges: %.2f%% of rows were quarantined, above"
                    + " cloudshift.quality.max-reject-ratio = %.2f%% (see table rejected_charges"
                    + " for run %s; fix the input or raise the threshold)",
                ratio * 100, config.maxRejectRatio() * 100, runId));
      }
      tables.progress().delivered(withdrawn(tables, selection.deliveredMonths()));
      Optional<Dataset<Row>> held = held(tables);
      tables.write(
          ChargesTable.SPEC, clean(rows, selection), silverRange(ChargeColumns.BILLING_MONTH));
      long monthlyVersion = aggregate(selection, tables);
      held.ifPresent(before -> recordRestatements(before, monthlyVersion, selection, tables));
    } finally {
      rows.ifPresent(Dataset::unpersist);
    }
  }

  /**
   * One export's deliveries, and those the run reads: the latest per folder month, and all without
   * one.
   */
  private ExportDeliveries plan(ExportConfig export, StageProgress progress) {
    FocusFileLister.Listing listing = lister.list(export);
    listing
        .skippedLinks()
        .forEach(link -> progress.note("Export " + export.id() + ": " + link + ", not followed"));
    List<Delivery> all = Deliveries.group(export, listing.files());
    Map<YearMonth, Delivery> latest = Deliveries.latestPerMonth(Deliveries.folderMonths(all));
    List<Delivery> read = new ArrayList<>();
    for (Delivery d : all) {
      boolean latestOfItsMonth =
          d.folderMonth().map(m -> period.contains(m) && d.equals(latest.get(m))).orElse(true);
      if (latestOfItsMonth) {
        read.add(d);
      }
    }
    LOG.info(
        "Export {}: {} delivery(ies) in {} file(s); reading {} ({} file(s))",
        export.id(),
        all.size(),
        all.stream().mapToInt(d -> d.files().size()).sum(),
        read.size(),
        read.stream().mapToInt(d -> d.files().size()).sum());
    return new ExportDeliveries(export, all, read);
  }

  /**
   * The rows of every file the run reads, of every export, unioned and then parsed once. Small
   * inputs are cached, parsed, for the passes after the survey: their cost is planning and reading
   * many small files, not data.
   */
  private Optional<Dataset<Row>> read(List<ExportDeliveries> deliveries, boolean cache) {
    Dataset<Row> union = null;
    for (ExportDeliveries e : deliveries) {
      Optional<Dataset<Row>> normalized = loader.load(e.export(), e.filesRead());
      if (normalized.isPresent()) {
        union = union == null ? normalized.get() : union.unionByName(normalized.get());
      }
    }
    Optional<Dataset<Row>> parsed = Optional.ofNullable(union).map(parser::parse).map(parsedRows);
    if (cache) {
      parsed.ifPresent(p -> p.persist(StorageLevel.MEMORY_AND_DISK()));
    }
    return parsed;
  }

  /**
   * Records per file read, counted from the files themselves (RecordCounter), keyed by
   * SourceFileKey.
   */
  private Map<String, Long> countRecords(List<ExportDeliveries> deliveries) {
    record ExportFile(ExportConfig export, FocusFile file) {}
    return deliveries.stream()
        .flatMap(e -> e.filesRead().stream().map(f -> new ExportFile(e.export(), f)))
        .toList()
        .parallelStream()
        .collect(
            Collectors.toConcurrentMap(
                f -> SourceFileKey.of(f.file().path()), f -> counter.count(f.file(), f.export())));
  }

  /**
   * The counts, or the count's own failure (a file that cannot be read names itself) rather than a
   * wrapper.
   */
  private static Map<String, Long> joined(CompletableFuture<Map<String, Long>> counted) {
    try {
      return counted.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Every record of every file read (rows in, counted from the file without Spark) must be one the
   * survey placed (silver, quarantine, out of scope or superseded): checked before anything is
   * written.
   */
  private static void requireEveryRecordSurveyed(ChargeSelection selection) {
    for (InputCount input : selection.inputs()) {
      long placed =
          input.rowsSilver()
              + input.rowsQuarantine()
              + input.rowsOutOfScope()
              + input.rowsSuperseded();
      if (!input.conserved()) {
        throw new IllegalStateException(
            "Cannot account for the rows of "
                + input.sourceFile()
                + ": the file holds "
                + input.rowsIn()
                + " record(s), ingest read "
                + placed
                + " (nothing was written; this is a bug: please report it with the file)");
      }
    }
  }

  /**
   * The survey, or the unreadable file that failed it: named by the driver's own count when that
   * failed too, else by Spark's FAILED_READ_FILE error.
   */
  private List<SurveyCell> surveyed(
      Optional<Dataset<Row>> rows, CompletableFuture<Map<String, Long>> counted) {
    String group = "cloudshift-survey-" + runId;
    // A file the count cannot read fails the run's attempt: stop the survey rather than let it
    // finish.
    counted.whenComplete(
        (counts, failure) -> {
          if (failure != null) {
            spark.sparkContext().cancelJobGroup(group, "a file cannot be read");
          }
        });
    try {
      return SparkJobs.grouped(
          spark,
          group,
          "cloudshift ingest: survey rows per file and billing month",
          () -> survey(rows));
    } catch (Exception e) {
      // Spark's exceptions are checked ones, thrown undeclared from Scala.
      joined(counted);
      Optional<String> unreadable = SparkJobs.failedReadFile(e);
      if (unreadable.isPresent()) {
        throw new UnreadableFileException(new Path(unreadable.get()), e);
      }
      throw e;
    }
  }

  private static List<SurveyCell> survey(Optional<Dataset<Row>> parsed) {
    if (parsed.isEmpty()) {
      return List.of();
    }
    List<SurveyCell> cells = new ArrayList<>();
    for (Row r :
        parsed
            .get()
            .groupBy(Columns.SOURCE_FILE, ChargeColumns.BILLING_MONTH, RejectedColumns.REASON_CODE)
            .count()
            .collectAsList()) {
      YearMonth month = r.isNullAt(1) ? null : YearMonth.from(r.getDate(1).toLocalDate());
      cells.add(new SurveyCell(r.getString(0), month, r.getString(2), r.getLong(3)));
    }
    return cells;
  }

  /**
   * The exports of the run: every configured one (one without a delivery in the period has none to
   * keep) but those held back for an unreadable file.
   */
  private Column exportsOfRun(String column) {
    return col(column)
        .isin(
            config.exports().stream()
                .map(ExportConfig::id)
                .filter(id -> !heldBack.holds(id))
                .toArray());
  }

  /**
   * The slices a run replaces: every configured export × every month of the period (all months when
   * none).
   */
  private Column silverRange(String monthColumn) {
    Column range = exportsOfRun(Columns.EXPORT_ID);
    if (period.isAll()) {
      return range;
    }
    List<YearMonth> months = period.months();
    return range.and(
        col(monthColumn)
            .between(
                lit(Date.valueOf(months.get(0).atDay(1))),
                lit(Date.valueOf(months.get(months.size() - 1).atDay(1)))));
  }

  /**
   * Quarantined rows are replaced by the same slices as silver; rows without a billing month (their
   * delivery names none, or their file could not be read) belong to their file and are replaced
   * whenever the file is read again, and unreadable-file rows whenever their export is.
   */
  private Column rejectedRange(ChargeSelection selection) {
    Column range = exportsOfRun(Columns.EXPORT_ID);
    if (!period.isAll()) {
      Column keyless =
          col(ChargeColumns.BILLING_MONTH)
              .isNull()
              .and(
                  col(Columns.SOURCE_FILE)
                      .isin(selection.filesRead().toArray())
                      .or(
                          col(RejectedColumns.REASON_CODE)
                              .isin(
                                  ReasonCode.UNREADABLE_FILE.name(),
                                  ReasonCode.DUPLICATE_FILE.name())));
      range = silverRange(ChargeColumns.BILLING_MONTH).or(range.and(keyless));
    }
    return heldBack.isEmpty() ? range : range.or(heldBack.rejectedRange());
  }

  private Dataset<Row> rejected(Optional<Dataset<Row>> rows, ChargeSelection selection) {
    Dataset<Row> rejectedRows = rejectedRows(rows, selection);
    return heldBack.isEmpty()
        ? rejectedRows
        : rejectedRows.unionByName(heldBack.rejectedRows(spark, runId));
  }

  private Dataset<Row> rejectedRows(Optional<Dataset<Row>> rows, ChargeSelection selection) {
    if (rows.isEmpty() || selection.rows(Disposition.QUARANTINE) == 0) {
      return spark.createDataFrame(List.of(), RejectedColumns.CHARGES_SCHEMA);
    }
    return rows.get()
        .where(selection.quarantine())
        .select(
            lit(runId).as(Columns.RUN_ID),
            col(Columns.EXPORT_ID),
            col(Columns.PROVIDER),
            col(Columns.SOURCE_FILE),
            col(ChargeColumns.BILLING_ACCOUNT_ID),
            selection.sliceMonth().as(ChargeColumns.BILLING_MONTH),
            selection.reasonCode().as(RejectedColumns.REASON_CODE),
            selection.reasonDetail().as(RejectedColumns.REASON_DETAIL),
            col(FocusNormalizer.RAW).as(RejectedColumns.RAW));
  }

  private Dataset<Row> clean(Optional<Dataset<Row>> rows, ChargeSelection selection) {
    if (rows.isEmpty() || selection.rows(Disposition.SILVER) == 0) {
      return spark.createDataFrame(List.of(), ChargeColumns.SCHEMA);
    }
    return attributed(rows.get().where(selection.silver()), rows.get())
        .withColumn(Columns.RUN_ID, lit(runId))
        .select(ChargeColumns.ALL.stream().map(functions::col).toArray(Column[]::new));
  }

  /**
   * Parsed rows with their lab, stream and rule, and the charge flags
   * (docs/methodology.md#billing-charges-focus and #attribution), by the configured rules.
   */
  Dataset<Row> attributed(Dataset<Row> parsed) {
    return attributed(parsed, parsed);
  }

  /**
   * As {@link #attributed(Dataset)}, the SKU rules evaluated over the distinct keys of {@code
   * allParsed}.
   */
  private Dataset<Row> attributed(Dataset<Row> parsed, Dataset<Row> allParsed) {
    Dataset<Row> matched =
        new SkuRuleMatches(config.focusRules(), config.attribution())
            .withMatches(parsed, allParsed);
    return new ChargeClassifier(config.focusRules(), config.providers().values())
        .classify(new ChargeAttributor(config.attribution()).attribute(matched));
  }

  /**
   * Every file of the export parsed (reason codes set), before deliveries are chosen: for
   * inspection.
   */
  Optional<Dataset<Row>> parsed(ExportConfig export) {
    return loader.load(export, lister.list(export).files()).map(parser::parse);
  }

  /**
   * Months silver held for the run's slices that no delivery provides any more: their rows were
   * removed by the silver write (its range covers them), and job_runs says so.
   */
  private List<DeliveryOutcome> withdrawn(
      StageTables tables, Map<String, Set<YearMonth>> delivered) {
    if (!tables.exists(ChargesTable.SPEC)) {
      return List.of();
    }
    List<DeliveryOutcome> withdrawn = new ArrayList<>();
    List<Row> held =
        tables
            .read(ChargesTable.SPEC)
            .where(silverRange(ChargeColumns.BILLING_MONTH))
            .groupBy(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH)
            .count()
            .collectAsList();
    for (Row r : held) {
      String export = r.getString(0);
      YearMonth month = YearMonth.from(r.getDate(1).toLocalDate());
      if (!delivered.getOrDefault(export, Set.of()).contains(month)) {
        LOG.warn(
            "Export {}: no delivery holds billing month {} any more; its {} silver row(s) are"
                + " removed",
            export,
            month,
            r.getLong(2));
        withdrawn.add(
            new DeliveryOutcome(
                export, month, DeliveryOutcome.Status.WITHDRAWN, null, null, 0, r.getLong(2)));
      }
    }
    return withdrawn;
  }

  /**
   * What silver holds for the slices the run replaces, held on the driver before they are replaced
   * (docs/operations.md#restatements); nothing on a warehouse without charges yet.
   */
  private Optional<Dataset<Row>> held(StageTables tables) {
    if (!tables.exists(ChargesTable.SPEC) || !tables.exists(ChargesMonthlyTable.SPEC)) {
      return Optional.empty();
    }
    Set<String> deliveredByFile =
        config.exports().stream()
            .filter(e -> e.delivery() == ExportConfig.Delivery.FILE)
            .map(ExportConfig::id)
            .collect(Collectors.toSet());
    return Optional.of(
        SmallFrames.computedOnce(
            Restatements.held(
                tables.read(ChargesMonthlyTable.SPEC).where(silverRange(Columns.MONTH)),
                tables.read(ChargesTable.SPEC).where(silverRange(ChargeColumns.BILLING_MONTH)),
                deliveredByFile)));
  }

  /**
   * Appends the groups of every slice the run restated (its rows differ from those {@code before}
   * held, or no delivery holds it any more) to restatements, replacing what an earlier attempt of
   * the same run recorded.
   */
  private void recordRestatements(
      Dataset<Row> before, long monthlyVersion, ChargeSelection selection, StageTables tables) {
    List<Row> ingested =
        selection.outcomes().stream()
            .filter(o -> o.status() == DeliveryOutcome.Status.INGESTED && o.billingMonth() != null)
            .map(
                o ->
                    RowFactory.create(
                        o.exportId(),
                        Date.valueOf(o.billingMonth().atDay(1)),
                        o.delivery(),
                        Timestamp.from(o.modifiedAt())))
            .toList();
    Dataset<Row> restated =
        SmallFrames.computedOnce(
            Restatements.restated(
                before,
                tables
                    .readSmall(ChargesMonthlyTable.SPEC, monthlyVersion)
                    .where(silverRange(Columns.MONTH)),
                spark.createDataFrame(ingested, Restatements.INGESTED),
                runId));
    List<Row> slices =
        restated
            .select(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH, RestatementsTable.STATUS)
            .distinct()
            .orderBy(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH)
            .collectAsList();
    if (slices.isEmpty()) {
      return;
    }
    tables.write(RestatementsTable.SPEC, restated, col(Columns.RUN_ID).equalTo(runId));
    tables
        .progress()
        .note(
            slices.size()
                + " slice(s) restated, see table restatements: "
                + slices.stream()
                    .map(
                        r ->
                            r.getString(0)
                                + " "
                                + YearMonth.from(r.getDate(1).toLocalDate())
                                + " "
                                + r.getString(2))
                    .collect(Collectors.joining(", ")));
  }

  /**
   * Reads back the slices just written (a few narrow columns) into charges_monthly for the same
   * range, and each file's silver and unattributed rows, which must equal the survey's count.
   */
  private long aggregate(ChargeSelection selection, StageTables tables) {
    Dataset<Row> perFile =
        MonthlyAggregate.perFile(
                tables.read(ChargesTable.SPEC).where(silverRange(ChargeColumns.BILLING_MONTH)))
            .persist();
    try {
      Map<String, long[]> written = new HashMap<>();
      Column unattributed = col(Columns.STREAM).equalTo(Stream.UNATTRIBUTED.value());
      for (Row r :
          perFile
              .groupBy(Columns.SOURCE_FILE)
              .agg(
                  sum(MonthlyAggregate.ROWS),
                  sum(when(unattributed, col(MonthlyAggregate.ROWS)).otherwise(0)))
              .collectAsList()) {
        written.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
      }
      Map<String, Long> inQuarantine = new HashMap<>();
      for (Row r :
          tables
              .read(QuarantineTables.REJECTED_CHARGES)
              .where(rejectedRange(selection).and(col(Columns.RUN_ID).equalTo(runId)))
              .groupBy(Columns.SOURCE_FILE)
              .count()
              .collectAsList()) {
        inQuarantine.merge(SourceFileKey.of(r.getString(0)), r.getLong(1), Long::sum);
      }
      for (InputCount input : selection.inputs()) {
        long[] n = written.getOrDefault(input.sourceFile(), new long[2]);
        if (n[0] != input.rowsSilver()) {
          throw new IllegalStateException(
              "Cannot account for the rows of "
                  + input.sourceFile()
                  + ": the survey counted "
                  + input.rowsSilver()
                  + " clean rows, silver holds "
                  + n[0]
                  + " (did the file change during the run? run ingest again)");
        }
        long quarantined = inQuarantine.getOrDefault(SourceFileKey.of(input.sourceFile()), 0L);
        if (quarantined != input.rowsQuarantine()) {
          throw new IllegalStateException(
              "Cannot account for the rows of "
                  + input.sourceFile()
                  + ": the survey counted "
                  + input.rowsQuarantine()
                  + " rejected rows, rejected_charges holds "
                  + quarantined
                  + " for this run (run ingest again)");
        }
        tables.progress().read(input.withUnattributed(n[1]));
      }
      CurrencyConversion.Converted monthly = MonthlyAggregate.monthly(perFile, conversion);
      for (CurrencyConversion.Missing missing : monthly.missing()) {
        tables
            .progress()
            .note(
                "No reference rate into "
                    + config.reportingCurrency()
                    + " for "
                    + missing
                    + ": their reporting amounts in charges_monthly are null (renew"
                    + " cloudshift.inputs.fx-rates with bin/refresh-fx, then ingest those months"
                    + " again)");
      }
      return tables.write(
          ChargesMonthlyTable.SPEC, monthly.rows().coalesce(1), silverRange(Columns.MONTH));
    } finally {
      perFile.unpersist();
    }
  }
}
