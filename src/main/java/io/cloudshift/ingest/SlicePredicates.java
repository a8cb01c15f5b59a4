package io.cloudshift.ingest;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.schema.ChargeColumns;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the Delta {@code replaceWhere} predicates that replace exactly the slices a run re-read,
 * grouped by export and month so the billing-month partition prunes the rewrite.
 */
public final class SlicePredicates {
  private SlicePredicates() {}

  /** Rows of the given slices. */
  public static String slices(Collection<SliceKey> keys) {
    Map<String, Map<LocalDate, TreeSet<String>>> grouped = new TreeMap<>();
    for (SliceKey k : keys) {
      grouped.computeIfAbsent(k.exportId(), e -> new TreeMap<>())
          .computeIfAbsent(k.billingMonth(), m -> new TreeSet<>())
          .add(k.billingAccountId());
    }
    if (grouped.isEmpty()) {
      return "false";
    }
    return grouped.entrySet().stream()
        .flatMap(e -> e.getValue().entrySet().stream()
            .map(m -> "(" + ChargeColumns.EXPORT_ID + " = " + literal(e.getKey())
                + " AND " + ChargeColumns.BILLING_MONTH + " = DATE'" + m.getKey() + "'"
                + " AND " + ChargeColumns.BILLING_ACCOUNT_ID + " IN ("
                + m.getValue().stream().map(SlicePredicates::literal).collect(Collectors.joining(", ")) + "))"))
        .collect(Collectors.joining(" OR "));
  }

  /**
   * Quarantined rows without a full slice key (account or month unreadable) belong to their file:
   * they are replaced when the file is re-read. A period-scoped run cannot place rows without a
   * month, so it only replaces keyless rows whose month lies in its period.
   */
  public static String keylessRows(List<String> sourceFiles, BillingPeriodRange period) {
    if (sourceFiles.isEmpty()) {
      return "false";
    }
    String files = ChargeColumns.SOURCE_FILE + " IN ("
        + sourceFiles.stream().sorted().map(SlicePredicates::literal).collect(Collectors.joining(", ")) + ")";
    if (period.isAll()) {
      return "(" + files + " AND (" + ChargeColumns.BILLING_ACCOUNT_ID + " IS NULL OR " + ChargeColumns.BILLING_MONTH + " IS NULL))";
    }
    String months = period.months().stream().map(m -> "DATE'" + m.atDay(1) + "'").collect(Collectors.joining(", "));
    return "(" + files + " AND " + ChargeColumns.BILLING_ACCOUNT_ID + " IS NULL AND " + ChargeColumns.BILLING_MONTH + " IN (" + months + "))";
  }

  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
