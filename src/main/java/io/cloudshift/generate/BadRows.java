package io.cloudshift.generate;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.schema.FocusColumns;
import io.cloudshift.schema.ReasonCode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Deliberately bad rows, about 0.05% of all rows (at least one of each kind), that the ingester
 * must quarantine with a reason code: a decimal comma in BilledCost, a US short date in
 * ChargePeriodStart (as in the FOCUS spec's own SaaS examples) and a BillingCurrency that is not a
 * national currency. They go into CSV exports only: a typed Parquet column cannot hold them. Each
 * is a copy of an ordinary row with one cell replaced, so only that cell is wrong.
 */
final class BadRows {
  /** One kind of bad cell: the column, the text written instead, and the reason code expected. */
  enum Kind {
    DECIMAL_COMMA(FocusColumns.BILLED_COST, "12,50", ReasonCode.BAD_NUMBER),
    SHORT_US_DATE(FocusColumns.CHARGE_PERIOD_START, "5/1/25", ReasonCode.BAD_DATETIME),
    NOT_A_CURRENCY(FocusColumns.BILLING_CURRENCY, "XXX", ReasonCode.UNKNOWN_CURRENCY);

    final String column;
    final String text;
    final ReasonCode reason;

    Kind(String column, String text, ReasonCode reason) {
      this.column = column;
      this.text = text;
      this.reason = reason;
    }
  }

  static final double FRACTION = 0.0005;

  private record Placement(String exportId, YearMonth month, Kind kind) {}

  private final List<Placement> placements;

  /**
   * Spreads the bad rows over the CSV exports (round robin) and the months (a stride from a
   * seed-dependent offset). Depends only on the options and the export list, so each file knows its
   * own bad rows without looking at any other file.
   */
  BadRows(GeneratorOptions options, List<ExportConfig> exports) {
    List<String> csv =
        exports.stream()
            .filter(e -> e.format() == ExportConfig.Format.CSV)
            .map(ExportConfig::id)
            .toList();
    List<Placement> result = new ArrayList<>();
    if (!csv.isEmpty()) {
      int count = Math.max(Kind.values().length, (int) Math.round(options.rows() * FRACTION));
      int months = options.monthCount();
      int offset = (int) Math.floorMod(StableHash.of("bad-rows|" + options.seed()), (long) months);
      for (int i = 0; i < count; i++) {
        YearMonth month =
            options.firstMonth().plusMonths(Math.floorMod(offset + 7L * i, (long) months));
        result.add(
            new Placement(csv.get(i % csv.size()), month, Kind.values()[i % Kind.values().length]));
      }
    }
    this.placements = List.copyOf(result);
  }

  /** The kinds of bad rows planted in one file, in a fixed order. */
  List<Kind> kindsIn(String exportId, YearMonth month) {
    return placements.stream()
        .filter(p -> p.exportId().equals(exportId) && p.month().equals(month))
        .map(Placement::kind)
        .toList();
  }

  /** Inserts one corrupted copy of a random revenue row per kind, at a random position. */
  static void plant(List<Kind> kinds, ExportMonth file, FileRows rows) {
    if (kinds.isEmpty()) {
      return;
    }
    int[] ordinary = rows.revenueRecords();
    if (ordinary.length == 0) {
      return;
    }
    for (Kind kind : kinds) {
      int copied = ordinary[file.random().nextInt(ordinary.length)];
      rows.insertBadRow(file.random().nextInt(rows.size() + 1), copied, kind);
    }
  }
}
