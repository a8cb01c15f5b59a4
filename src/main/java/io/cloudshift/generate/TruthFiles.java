package io.cloudshift.generate;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * Writes the planted truth beside the data, under {@code <outputRoot>/_truth/}, as deterministic
 * CSVs (sorted, fixed number formats, no paths or times): monthly_revenue.csv, events.csv,
 * after_change.csv, planted_effects.csv, provider_monthly_revenue.csv, bad_rows.csv and
 * row_counts.csv.
 */
final class TruthFiles {
  static final String DIRECTORY = "_truth";
  static final int EVENT_WINDOW_MONTHS = 6;

  /** One bad row as the ingester should quarantine it. */
  record BadRow(
      String export, String file, int line, String column, String value, String reasonCode) {}

  /** Data rows (header excluded, bad rows included) of one written file. */
  record RowCount(String export, String file, int rows) {}

  private final OutputFiles files;
  private final Path directory;

  TruthFiles(OutputFiles files, Path directory) {
    this.files = files;
    this.directory = directory;
  }

  void write(
      RevenueLedger ledger,
      Calibration calibration,
      GeneratorOptions options,
      List<BadRow> badRows,
      List<RowCount> rowCounts) {
    files.writeText(new Path(directory, "monthly_revenue.csv"), monthlyRevenue(ledger));
    files.writeText(new Path(directory, "events.csv"), events(ledger, options));
    files.writeText(
        new Path(directory, "after_change.csv"), afterChange(ledger, calibration, options));
    files.writeText(
        new Path(directory, "planted_effects.csv"),
        plantedEffects(PlantedEffects.of(calibration, options.firstMonth(), options.lastMonth())));
    files.writeText(new Path(directory, "provider_monthly_revenue.csv"), providerRevenue(ledger));
    files.writeText(new Path(directory, "bad_rows.csv"), badRows(badRows));
    files.writeText(new Path(directory, "row_counts.csv"), rowCounts(rowCounts));
  }

  static String monthlyRevenue(RevenueLedger ledger) {
    StringBuilder out =
        new StringBuilder(
            CsvFormat.line(
                List.of(
                    "lab",
                    "provider",
                    "stream",
                    "billing_month",
                    "billing_currency",
                    "billed_revenue",
                    "effective_revenue",
                    "share")));
    for (Map.Entry<RevenueLedger.LabCell, RevenueLedger.Sums> entry : ledger.labs().entrySet()) {
      RevenueLedger.LabCell cell = entry.getKey();
      BigDecimal total = ledger.labTotal(cell.lab(), cell.stream(), cell.month(), cell.currency());
      String share =
          total.signum() > 0
              ? ratio(
                  entry
                      .getValue()
                      .billed()
                      .divide(total, EventShares.SCALE, RoundingMode.HALF_EVEN))
              : null;
      out.append(
          CsvFormat.line(
              java.util.Arrays.asList(
                  cell.lab(),
                  cell.provider(),
                  cell.stream(),
                  cell.month().toString(),
                  cell.currency(),
                  money(entry.getValue().billed()),
                  money(entry.getValue().effective()),
                  share)));
    }
    return out.toString();
  }

  static String events(RevenueLedger ledger, GeneratorOptions options) {
    EventShares shares = new EventShares(ledger, options.firstMonth(), options.lastMonth());
    StringBuilder out =
        new StringBuilder(
            CsvFormat.line(
                List.of(
                    "lab",
                    "provider",
                    "event_month",
                    "stream",
                    "window_months",
                    "pre_share",
                    "post_share",
                    "delta_pp",
                    "fact_id",
                    "planted_change")));
    for (PlantedEvent event : PlantedEvent.all()) {
      YearMonth d = event.eventMonth();
      if (d.isBefore(options.firstMonth()) || d.isAfter(options.lastMonth())) {
        continue;
      }
      for (Stream stream : List.of(Stream.COMPUTE, Stream.RESALE)) {
        if (!labHasStream(ledger, event.lab(), stream.value())) {
          continue;
        }
        Optional<BigDecimal> pre =
            shares.share(
                event.lab(),
                event.provider(),
                stream.value(),
                d.minusMonths(EVENT_WINDOW_MONTHS),
                d);
        Optional<BigDecimal> post =
            shares.share(
                event.lab(),
                event.provider(),
                stream.value(),
                d,
                d.plusMonths(EVENT_WINDOW_MONTHS));
        String delta =
            pre.isPresent() && post.isPresent()
                ? post.get()
                    .subtract(pre.get())
                    .multiply(BigDecimal.valueOf(100))
                    .setScale(4, RoundingMode.HALF_EVEN)
                    .toPlainString()
                : null;
        out.append(
            CsvFormat.line(
                java.util.Arrays.asList(
                    event.lab(),
                    event.provider(),
                    d.toString(),
                    stream.value(),
                    String.valueOf(EVENT_WINDOW_MONTHS),
                    pre.map(TruthFiles::ratio).orElse(null),
                    post.map(TruthFiles::ratio).orElse(null),
                    delta,
                    event.factId(),
                    event.plantedChange())));
      }
    }
    return out.toString();
  }

  /**
   * Per planted change inside a month (docs/methodology.md#terms-by-the-instant), stream and
   * provider Q of the lab: R after the change (the lab's rows at Q in the event month apportioned
   * by their charge periods), T after it (Σ over Q) and s = R / T.
   */
  static String afterChange(
      RevenueLedger ledger, Calibration calibration, GeneratorOptions options) {
    StringBuilder out =
        new StringBuilder(
            CsvFormat.line(
                List.of(
                    "event_id",
                    "lab",
                    "stream",
                    "event_month",
                    "effective_from",
                    "month_fraction_after_change",
                    "provider",
                    "billing_currency",
                    "billed_revenue_after",
                    "stream_total_after",
                    "share_after")));
    java.util.Set<String> written = new java.util.HashSet<>();
    for (LabStreamPlan plan : calibration.plans()) {
      if (plan.effect().isEmpty() || plan.effect().get().splitMonth().isEmpty()) {
        continue;
      }
      EventEffect effect = plan.effect().get();
      YearMonth d = effect.splitMonth().get();
      if (d.isBefore(options.firstMonth())
          || d.isAfter(options.lastMonth())
          || !written.add(plan.lab() + "|" + effect.from())) {
        continue;
      }
      BigDecimal fraction =
          BigDecimal.valueOf(MonthPart.from(effect.from()).days())
              .divide(
                  BigDecimal.valueOf(d.lengthOfMonth()), EventShares.SCALE, RoundingMode.HALF_EVEN);
      for (Stream stream : List.of(Stream.COMPUTE, Stream.RESALE)) {
        Map<String, BigDecimal> totals = new java.util.TreeMap<>();
        ledger
            .afterChange()
            .forEach(
                (cell, after) -> {
                  if (cell.lab().equals(plan.lab())
                      && cell.stream().equals(stream.value())
                      && cell.month().equals(d)) {
                    totals.merge(cell.currency(), after, BigDecimal::add);
                  }
                });
        for (Map.Entry<RevenueLedger.LabCell, BigDecimal> entry : ledger.afterChange().entrySet()) {
          RevenueLedger.LabCell cell = entry.getKey();
          if (!cell.lab().equals(plan.lab())
              || !cell.stream().equals(stream.value())
              || !cell.month().equals(d)) {
            continue;
          }
          BigDecimal total = totals.get(cell.currency());
          out.append(
              CsvFormat.line(
                  java.util.Arrays.asList(
                      effect.eventId(),
                      plan.lab(),
                      stream.value(),
                      d.toString(),
                      effect.from().toString(),
                      ratio(fraction),
                      cell.provider(),
                      cell.currency(),
                      exact(entry.getValue()),
                      exact(total),
                      total.signum() > 0
                          ? ratio(
                              entry
                                  .getValue()
                                  .divide(total, EventShares.SCALE, RoundingMode.HALF_EVEN))
                          : null)));
        }
      }
    }
    return out.toString();
  }

  /** {@link PlantedEffects}: what each planted effect of a change of terms is worth. */
  static String plantedEffects(List<PlantedEffects.Line> lines) {
    StringBuilder out =
        new StringBuilder(
            CsvFormat.line(
                List.of(
                    "event_id",
                    "lab",
                    "provider",
                    "stream",
                    "side",
                    "period",
                    "period_start",
                    "period_end",
                    "counterfactual_share",
                    "planted_share",
                    "effect_pp",
                    "stream_total_usd",
                    "share_effect_usd")));
    for (PlantedEffects.Line line : lines) {
      out.append(
          CsvFormat.line(
              java.util.Arrays.asList(
                  line.eventId(),
                  line.lab(),
                  line.provider(),
                  line.stream(),
                  line.side(),
                  line.period(),
                  line.periodStart().toString(),
                  line.periodEnd().toString(),
                  line.counterfactualShare().map(TruthFiles::ratio).orElse(null),
                  line.plantedShare().map(TruthFiles::ratio).orElse(null),
                  line.effectPoints().map(TruthFiles::ratio).orElse(null),
                  money(line.streamTotal()),
                  money(line.shareEffect()))));
    }
    return out.toString();
  }

  static String providerRevenue(RevenueLedger ledger) {
    StringBuilder out =
        new StringBuilder(
            CsvFormat.line(
                List.of(
                    "provider",
                    "billing_month",
                    "billing_currency",
                    "stream",
                    "billed_revenue",
                    "effective_revenue")));
    for (Map.Entry<RevenueLedger.ProviderCell, RevenueLedger.Sums> entry :
        ledger.providers().entrySet()) {
      RevenueLedger.ProviderCell cell = entry.getKey();
      out.append(
          CsvFormat.line(
              List.of(
                  cell.provider(),
                  cell.month().toString(),
                  cell.currency(),
                  cell.stream(),
                  money(entry.getValue().billed()),
                  money(entry.getValue().effective()))));
    }
    return out.toString();
  }

  static String badRows(List<BadRow> badRows) {
    StringBuilder out =
        new StringBuilder(
            CsvFormat.line(List.of("export", "file", "line", "column", "value", "reason_code")));
    for (BadRow bad : badRows) {
      out.append(
          CsvFormat.line(
              List.of(
                  bad.export(),
                  bad.file(),
                  String.valueOf(bad.line()),
                  bad.column(),
                  bad.value(),
                  bad.reasonCode())));
    }
    return out.toString();
  }

  static String rowCounts(List<RowCount> counts) {
    StringBuilder out = new StringBuilder(CsvFormat.line(List.of("export", "file", "rows")));
    for (RowCount count : counts) {
      out.append(
          CsvFormat.line(List.of(count.export(), count.file(), String.valueOf(count.rows()))));
    }
    return out.toString();
  }

  private static boolean labHasStream(RevenueLedger ledger, String lab, String stream) {
    return ledger.labs().keySet().stream()
        .anyMatch(c -> c.lab().equals(lab) && c.stream().equals(stream));
  }

  /** Money in the truth: exact, 6 decimals at most, no exponent. */
  private static String money(BigDecimal value) {
    return CsvFormat.decimal(value);
  }

  /** An apportioned amount: exact (up to 12 decimals), trailing zeros dropped, no exponent. */
  private static String exact(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** A share: up to 10 decimals, trailing zeros dropped, no exponent. */
  static String ratio(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
