package io.cloudshift.ingest;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.schema.ChargeColumns;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the Delta {@code replaceWhere} predicates that replace exactly the slices a run re-read,
 * grouped by export and month so the billing-month partition prunes the rewrite.
 */
public final class SlicePredicates {
  private SlicePredicates() {}

  /**
   * Rows of the given slices: the months first, so the billing-month partitions prune the rewrite,
   * then one multi-column IN, which Spark evaluates as a hash-set lookup however many slices a
   * backfill touches (a long OR chain would outgrow generated-code limits).
   */
  public static String slices(Collection<SliceKey> keys) {
    if (keys.isEmpty()) {
      return "false";
    }
    TreeSet<LocalDate> months = new TreeSet<>();
    TreeSet<String> tuples = new TreeSet<>();
    for (SliceKey k : keys) {
      months.add(k.billingMonth());
      tuples.add("(" + literal(k.exportId()) + ", " + literal(k.billingAccountId()) + ", DATE'" + k.billingMonth() + "')");
    }
    return "(" + ChargeColumns.BILLING_MONTH + " IN (" + months.stream().map(m -> "DATE'" + m + "'").collect(Collectors.joining(", ")) + ")"
        + " AND (" + ChargeColumns.EXPORT_ID + ", " + ChargeColumns.BILLING_ACCOUNT_ID + ", " + ChargeColumns.BILLING_MONTH + ") IN ("
        + String.join(", ", tuples) + "))";
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
