package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.audit.DeliveryOutcome;
import io.cloudshift.audit.InputCount;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.ExportConfig;
import io.cloudshift.ingest.delivery.Deliveries;
import io.cloudshift.ingest.delivery.Delivery;
import io.cloudshift.io.FocusFile;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Decides, from the survey of the files a run read, where the rows of each (file, billing month,
 * reason) go (docs/ingest.md, "Delivery model"):
 *
 * <ul>
 *   <li>A row belongs to the slice (export, month) its delivery's {@code billing_period=} folder
 *       names, or else to its own billing month. Rows whose billing month is unreadable and whose
 *       delivery names no month are quarantined by every run that reads them.
 *   <li>Slices outside the run's period are out of scope.
 *   <li>Of the deliveries holding a month, the latest wins; the others' rows of that month are
 *       superseded.
 *   <li>A row whose billing month differs from its delivery folder's is quarantined ({@link
 *       ReasonCode#PERIOD_MISMATCH}); so are rows with a reason; the rest is silver.
 * </ul>
 *
 * The decision is per survey cell, so in the writing passes a row is placed by its (file, month)
 * key; when every cell of the files read is plainly "clean is silver, the rest quarantined", the
 * per-row key lookup is skipped.
 */
final class ChargeSelection {
  enum Disposition {
    SILVER,
    QUARANTINE,
    OUT_OF_SCOPE,
    SUPERSEDED
  }

  /**
   * The rows of one file (as Spark names it) in one billing month (null: unreadable) with one
   * reason (null: clean).
   */
  record SurveyCell(String sourceFile, YearMonth month, String reasonCode, long rows) {}

  /** One export's deliveries, and the ones the run reads. */
  record ExportDeliveries(ExportConfig export, List<Delivery> all, List<Delivery> read) {
    /** The files of the deliveries the run reads. */
    List<FocusFile> filesRead() {
      return read.stream().flatMap(d -> d.files().stream()).toList();
    }
  }

  private final BillingPeriodRange period;
  private final List<InputCount> inputs = new ArrayList<>();
  private final List<DeliveryOutcome> outcomes = new ArrayList<>();
  private final Map<String, Map<YearMonth, Delivery>> winners = new LinkedHashMap<>();
  private final Map<Disposition, Long> totals = new EnumMap<>(Disposition.class);
  private final Set<String> silverKeys = new TreeSet<>();
  private final Set<String> quarantineKeys = new TreeSet<>();
  private final Set<String> mismatchKeys = new TreeSet<>();
  private final Map<YearMonth, Set<String>> sliceMonthOverrides = new TreeMap<>();

  /**
   * True when, in every file read, clean rows are silver and rows with a reason are quarantined.
   */
  private boolean plain;

  private ChargeSelection(BillingPeriodRange period) {
    this.period = period;
    for (Disposition d : Disposition.values()) {
      totals.put(d, 0L);
    }
  }

  /**
   * @param counted records per file read, counted from the file without Spark ({@code
   *     RecordCounter}, keyed by {@link SourceFileKey}): each file's rows in, which its placed rows
   *     must add up to
   */
  static ChargeSelection resolve(
      BillingPeriodRange period,
      List<ExportDeliveries> exports,
      List<SurveyCell> cells,
      Map<String, Long> counted) {
    ChargeSelection selection = new ChargeSelection(period);
    Map<String, Delivery> deliveryOfFile = new HashMap<>();
    Map<String, FocusFile> fileOfKey = new LinkedHashMap<>();
    for (ExportDeliveries e : exports) {
      for (Delivery d : e.read()) {
        for (FocusFile f : d.files()) {
          deliveryOfFile.put(SourceFileKey.of(f.path()), d);
          fileOfKey.put(SourceFileKey.of(f.path()), f);
        }
      }
    }
    Map<Delivery, List<SurveyCell>> cellsOf = new LinkedHashMap<>();
    for (SurveyCell cell : cells) {
      Delivery d = deliveryOfFile.get(SourceFileKey.of(cell.sourceFile()));
      if (d == null) {
        throw new IllegalStateException(
            "Cannot place rows of "
                + cell.sourceFile()
                + ": the run read a file its listing did not hold (this is a bug)");
      }
      cellsOf.computeIfAbsent(d, k -> new ArrayList<>()).add(cell);
    }
    for (ExportDeliveries e : exports) {
      selection.chooseWinners(e, cellsOf);
    }
    Map<SurveyCell, Disposition> placed = new HashMap<>();
    Map<String, long[]> perFile = new LinkedHashMap<>();
    Map<String, String> exportOfFile = new HashMap<>();
    for (SurveyCell cell : cells) {
      Delivery d = deliveryOfFile.get(SourceFileKey.of(cell.sourceFile()));
      Disposition disposition = selection.place(d, cell);
      placed.put(cell, disposition);
      long[] counts =
          perFile.computeIfAbsent(cell.sourceFile(), k -> new long[Disposition.values().length]);
      counts[disposition.ordinal()] += cell.rows();
      exportOfFile.put(cell.sourceFile(), d.exportId());
      selection.totals.merge(disposition, cell.rows(), Long::sum);
    }
    selection.plain =
        cells.stream()
            .allMatch(
                c ->
                    placed.get(c)
                        == (c.reasonCode() == null ? Disposition.SILVER : Disposition.QUARANTINE));
    Set<String> surveyed = new LinkedHashSet<>();
    perFile.forEach(
        (file, n) -> {
          surveyed.add(SourceFileKey.of(file));
          selection.inputs.add(
              new InputCount(
                  ChargeIngest.DATASET,
                  exportOfFile.get(file),
                  file,
                  counted.getOrDefault(SourceFileKey.of(file), 0L),
                  n[Disposition.SILVER.ordinal()],
                  n[Disposition.QUARANTINE.ordinal()],
                  n[Disposition.OUT_OF_SCOPE.ordinal()],
                  n[Disposition.SUPERSEDED.ordinal()],
                  0));
        });
    // Files with a header and no rows are inputs too: they count zero rows.
    fileOfKey.forEach(
        (key, file) -> {
          if (!surveyed.contains(key)) {
            selection.inputs.add(
                new InputCount(
                    ChargeIngest.DATASET,
                    deliveryOfFile.get(key).exportId(),
                    file.path().toString(),
                    counted.getOrDefault(key, 0L),
                    0,
                    0,
                    0,
                    0,
                    0));
          }
        });
    for (ExportDeliveries e : exports) {
      selection.recordOutcomes(e, cellsOf);
    }
    return selection;
  }

  /**
   * Per export, the latest delivery of each month in the period, among folder months and surveyed
   * row months.
   */
  private void chooseWinners(ExportDeliveries export, Map<Delivery, List<SurveyCell>> cellsOf) {
    Map<Delivery, Set<YearMonth>> monthsOf = new LinkedHashMap<>();
    for (Delivery d : export.read()) {
      monthsOf.put(d, monthsHeld(d, cellsOf.getOrDefault(d, List.of())));
    }
    Map<YearMonth, Delivery> latest = new TreeMap<>(Deliveries.latestPerMonth(monthsOf));
    latest.keySet().removeIf(m -> !period.contains(m));
    winners.put(export.export().id(), latest);
  }

  private static Set<YearMonth> monthsHeld(Delivery d, List<SurveyCell> cells) {
    if (d.folderMonth().isPresent()) {
      return Set.of(d.folderMonth().get());
    }
    Set<YearMonth> months = new TreeSet<>();
    cells.stream().map(SurveyCell::month).filter(Objects::nonNull).forEach(months::add);
    return months;
  }

  private Disposition place(Delivery delivery, SurveyCell cell) {
    Optional<YearMonth> slice = delivery.folderMonth().or(() -> Optional.ofNullable(cell.month()));
    String key = key(cell.sourceFile(), cell.month());
    Disposition disposition;
    boolean mismatch = false;
    if (slice.isEmpty()) {
      disposition = Disposition.QUARANTINE;
    } else if (!period.contains(slice.get())) {
      disposition = Disposition.OUT_OF_SCOPE;
    } else if (!delivery.equals(winners.get(delivery.exportId()).get(slice.get()))) {
      disposition = Disposition.SUPERSEDED;
    } else {
      mismatch = cell.month() != null && !cell.month().equals(slice.get());
      disposition =
          mismatch || cell.reasonCode() != null ? Disposition.QUARANTINE : Disposition.SILVER;
    }
    if (disposition == Disposition.SILVER) {
      silverKeys.add(key);
    } else if (disposition == Disposition.QUARANTINE) {
      quarantineKeys.add(key);
      if (mismatch) {
        mismatchKeys.add(key);
      }
      if (slice.isPresent() && !slice.get().equals(cell.month())) {
        sliceMonthOverrides.computeIfAbsent(slice.get(), m -> new TreeSet<>()).add(key);
      }
    }
    return disposition;
  }

  private void recordOutcomes(ExportDeliveries export, Map<Delivery, List<SurveyCell>> cellsOf) {
    Map<YearMonth, Delivery> latest = winners.get(export.export().id());
    for (Map.Entry<YearMonth, Delivery> won : latest.entrySet()) {
      YearMonth month = won.getKey();
      for (Delivery d : export.all()) {
        boolean holds =
            d.folderMonth()
                .map(month::equals)
                .orElseGet(() -> monthsHeld(d, cellsOf.getOrDefault(d, List.of())).contains(month));
        if (!holds) {
          continue;
        }
        Long rows =
            export.read().contains(d) ? rowsIn(d, month, cellsOf.getOrDefault(d, List.of())) : null;
        DeliveryOutcome.Status status =
            d.equals(won.getValue())
                ? DeliveryOutcome.Status.INGESTED
                : DeliveryOutcome.Status.SUPERSEDED;
        outcomes.add(
            new DeliveryOutcome(
                export.export().id(),
                month,
                status,
                d.location(),
                d.modifiedAt(),
                d.files().size(),
                rows));
      }
    }
  }

  private static long rowsIn(Delivery d, YearMonth month, List<SurveyCell> cells) {
    return cells.stream()
        .filter(c -> d.folderMonth().isPresent() || month.equals(c.month()))
        .mapToLong(SurveyCell::rows)
        .sum();
  }

  /**
   * Per file read: rows in, silver, quarantined, out of scope, superseded (unattributed is counted
   * from silver).
   */
  List<InputCount> inputs() {
    return List.copyOf(inputs);
  }

  /**
   * Per (export, month) of the period that a delivery holds: which was ingested, which were passed
   * over.
   */
  List<DeliveryOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /**
   * The months of the period each export has a delivery for (the slices the run writes from files).
   */
  Map<String, Set<YearMonth>> deliveredMonths() {
    Map<String, Set<YearMonth>> months = new LinkedHashMap<>();
    winners.forEach((export, latest) -> months.put(export, new TreeSet<>(latest.keySet())));
    return months;
  }

  long rows(Disposition disposition) {
    return totals.get(disposition);
  }

  /** Spark's names of the files the survey found rows in. */
  Set<String> filesRead() {
    return inputs.stream()
        .filter(i -> i.rowsIn() > 0)
        .map(InputCount::sourceFile)
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
  }

  /** Rows of the files read (parsed, with {@link ChargeColumns#SOURCE_FILE}) that go to silver. */
  Column silver() {
    Column clean = col(RejectedColumns.REASON_CODE).isNull();
    return plain ? clean : clean.and(keyIn(silverKeys));
  }

  /** Rows that go to quarantine. */
  Column quarantine() {
    Column hasReason = col(RejectedColumns.REASON_CODE).isNotNull();
    if (plain) {
      return hasReason;
    }
    return keyIn(quarantineKeys).and(hasReason.or(keyIn(mismatchKeys)));
  }

  /**
   * The reason of a quarantined row, PERIOD_MISMATCH for a clean row in another month than its
   * folder's.
   */
  Column reasonCode() {
    return mismatchKeys.isEmpty()
        ? col(RejectedColumns.REASON_CODE)
        : when(
                col(RejectedColumns.REASON_CODE).isNull().and(keyIn(mismatchKeys)),
                lit(ReasonCode.PERIOD_MISMATCH.name()))
            .otherwise(col(RejectedColumns.REASON_CODE));
  }

  Column reasonDetail() {
    return mismatchKeys.isEmpty()
        ? col(RejectedColumns.REASON_DETAIL)
        : when(
                col(RejectedColumns.REASON_CODE).isNull().and(keyIn(mismatchKeys)),
                functions.concat(
                    lit("BillingPeriodStart's month "),
                    col(ChargeColumns.BILLING_MONTH).cast("string"),
                    lit(" is not the billing period its delivery folder names")))
            .otherwise(col(RejectedColumns.REASON_DETAIL));
  }

  /**
   * The slice a quarantined row belongs to: its delivery folder's month, else its own billing
   * month.
   */
  Column sliceMonth() {
    Column month = col(ChargeColumns.BILLING_MONTH);
    for (Map.Entry<YearMonth, Set<String>> e : sliceMonthOverrides.entrySet()) {
      month = when(keyIn(e.getValue()), lit(Date.valueOf(e.getKey().atDay(1)))).otherwise(month);
    }
    return month;
  }

  private static Column keyIn(Set<String> keys) {
    if (keys.isEmpty()) {
      return lit(false);
    }
    Column key =
        functions.concat_ws(
            "|", col(Columns.SOURCE_FILE), col(ChargeColumns.BILLING_MONTH).cast("string"));
    return key.isin(keys.toArray());
  }

  private static String key(String sourceFile, YearMonth month) {
    return month == null ? sourceFile : sourceFile + "|" + month.atDay(1);
  }
}
