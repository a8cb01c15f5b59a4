package io.cloudshift.config;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The billing months a run touches: one month ({@code 2024-09}), an inclusive range ({@code
 * 2024-01:2024-06}) or, when no period is given, every month found in the inputs.
 */
public final class BillingPeriodRange {
  private final Optional<YearMonth> from;
  private final Optional<YearMonth> to;

  private BillingPeriodRange(Optional<YearMonth> from, Optional<YearMonth> to) {
    this.from = from;
    this.to = to;
  }

  public static BillingPeriodRange all() {
    return new BillingPeriodRange(Optional.empty(), Optional.empty());
  }

  public static BillingPeriodRange of(YearMonth from, YearMonth to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period " + from + ":" + to + " ends before it starts");
    }
    return new BillingPeriodRange(Optional.of(from), Optional.of(to));
  }

  /** Parses {@code yyyy-MM} or {@code yyyy-MM:yyyy-MM}; the message says what is wrong. */
  public static BillingPeriodRange parse(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a month or a range (use 2024-09 or 2024-01:2024-06)");
    }
    try {
      YearMonth first = YearMonth.parse(parts[0].trim());
      YearMonth last = parts.length == 2 ? YearMonth.parse(parts[1].trim()) : first;
      return of(first, last);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a month or a range (use 2024-09 or 2024-01:2024-06)");
    }
  }

  public boolean isAll() {
    return from.isEmpty();
  }

  public boolean contains(YearMonth month) {
    return isAll() || (!month.isBefore(from.get()) && !month.isAfter(to.get()));
  }

  /** The months of a bounded range, oldest first. */
  public List<YearMonth> months() {
    if (isAll()) {
      throw new IllegalStateException("an unbounded period has no month list");
    }
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from.get(); !m.isAfter(to.get()); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** How job_runs records the period: {@code all}, {@code 2024-09} or {@code 2024-01:2024-06}. */
  @Override
  public String toString() {
    if (isAll()) {
      return "all";
    }
    return from.get().equals(to.get()) ? from.get().toString() : from.get() + ":" + to.get();
  }
}
