package io.cloudshift.periods;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2026Q4} as in {@code
 * lab_provider_monthly.calendar_quarter_label}.
 */
public record CalendarQuarter(int year, int quarter) implements Comparable<CalendarQuarter> {
  private static final Pattern LABEL = Pattern.compile("([0-9]{4})Q([1-4])");

  public CalendarQuarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter + " is not 1-4");
    }
  }

  /** Parses {@code 2026Q4}; throws IllegalArgumentException otherwise. */
  public static CalendarQuarter parse(String label) {
    Matcher m = LABEL.matcher(label.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + label + "' is not a calendar quarter (use yyyyQn, e.g. 2026Q4)");
    }
    return new CalendarQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public static CalendarQuarter of(LocalDate day) {
    return new CalendarQuarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  private int ordinal() {
    return year * 4 + quarter - 1;
  }

  private static CalendarQuarter fromOrdinal(int ordinal) {
    return new CalendarQuarter(Math.floorDiv(ordinal, 4), Math.floorMod(ordinal, 4) + 1);
  }

  public CalendarQuarter plus(int quarters) {
    return fromOrdinal(ordinal() + quarters);
  }

  /** Quarters from {@code this} to {@code later} (negative when {@code later} is earlier). */
  public int quartersUntil(CalendarQuarter later) {
    return later.ordinal() - ordinal();
  }

  public boolean isAfter(CalendarQuarter other) {
    return compareTo(other) > 0;
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  /**
   * Provider fiscal quarter 1–4 of this quarter's first month, for a fiscal year starting in {@code
   * startMonth}.
   */
  public int fiscalQuarter(int startMonth) {
    return FiscalCalendar.fiscalQuarter(firstDay().getMonthValue(), startMonth);
  }

  /** Provider fiscal year of this quarter's first month, named by the calendar year it ends in. */
  public int fiscalYear(int startMonth) {
    return FiscalCalendar.fiscalYear(year, firstDay().getMonthValue(), startMonth);
  }

  public String label() {
    return year + "Q" + quarter;
  }

  @Override
  public int compareTo(CalendarQuarter other) {
    return Integer.compare(ordinal(), other.ordinal());
  }

  @Override
  public String toString() {
    return label();
  }
}
