package io.cloudshift.periods;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.cloudshift.config.ProviderConfig;
import java.util.Collection;
import org.apache.spark.sql.Column;

/**
 * Calendar and provider fiscal quarters (docs/methodology.md#quarters: Microsoft's fiscal year
 * starts 1 July, Oracle's 1 June), the one place their rules live. A fiscal year is named by the
 * calendar year in which it ends, as the companies do: Microsoft FY26 = Jul 2025 – Jun 2026, so
 * FY26 Q1 = Jul–Sep 2025. A calendar quarter is the fiscal quarter of a year starting in January
 * ({@code startMonth} 1).
 *
 * <p>Each rule is written twice, once over Spark columns and once over ints for the driver ({@link
 * CalendarQuarter}); {@code FiscalCalendarTest} checks the two agree for every month and every
 * start month.
 */
public final class FiscalCalendar {
  private static final int MONTHS_PER_QUARTER = 3;
  private static final int MONTHS_PER_YEAR = 12;

  private FiscalCalendar() {}

  /**
   * Fiscal quarter 1–4 of calendar month {@code month} (1–12) in a year starting in {@code
   * startMonth}.
   */
  public static int fiscalQuarter(int month, int startMonth) {
    return Math.floorMod(month - startMonth, MONTHS_PER_YEAR) / MONTHS_PER_QUARTER + 1;
  }

  /**
   * Fiscal year of {@code month} of calendar {@code year}, named by the calendar year in which it
   * ends.
   */
  public static int fiscalYear(int year, int month, int startMonth) {
    return startMonth == 1 || month < startMonth ? year : year + 1;
  }

  /** {@code 2026Q2} for any day of April–June 2026. */
  public static Column calendarQuarter(Column month) {
    return concat(year(month).cast("string"), lit("Q"), quarter(month).cast("string"));
  }

  /** As {@link #fiscalQuarter(int, int)}, over columns. */
  public static Column fiscalQuarter(Column month, Column startMonth) {
    return floor(
            pmod(month(month).minus(startMonth), lit(MONTHS_PER_YEAR)).divide(MONTHS_PER_QUARTER))
        .plus(1)
        .cast("int");
  }

  /** As {@link #fiscalYear(int, int, int)}, over columns. */
  public static Column fiscalYear(Column month, Column startMonth) {
    return when(startMonth.equalTo(1).or(month(month).lt(startMonth)), year(month))
        .otherwise(year(month).plus(1))
        .cast("int");
  }

  /**
   * First day of the quarter containing {@code month}, in a year starting in {@code startMonth} (1:
   * the calendar quarter).
   */
  public static Column quarterStart(Column month, Column startMonth) {
    return add_months(
        trunc(month, "month"),
        negate(pmod(month(month).minus(startMonth), lit(MONTHS_PER_QUARTER)).cast("int")));
  }

  /** Last day of the quarter starting at {@code quarterStart}. */
  public static Column quarterEnd(Column quarterStart) {
    return last_day(add_months(quarterStart, MONTHS_PER_QUARTER - 1));
  }

  /**
   * First day of fiscal quarter {@code fiscalQuarter} (1–4) of fiscal year {@code fiscalYear}, the
   * inverse of {@link #fiscalYear(Column, Column)} and {@link #fiscalQuarter(Column, Column)}:
   * Microsoft FY2023 Q1 starts 2022-07-01, Oracle FY2025 Q1 2024-06-01. Null for a quarter outside
   * 1–4 or a year outside 1000–9999.
   */
  public static Column fiscalQuarterStart(
      Column fiscalYear, Column fiscalQuarter, Column startMonth) {
    // The year begins in startMonth of the previous calendar year, unless it starts in January.
    Column firstDayOfYear =
        make_date(
            when(startMonth.equalTo(1), fiscalYear).otherwise(fiscalYear.minus(1)),
            startMonth,
            lit(1));
    return when(
        fiscalQuarter.between(1, 4).and(fiscalYear.between(1000, 9999)),
        add_months(
            firstDayOfYear, fiscalQuarter.minus(1).multiply(MONTHS_PER_QUARTER).cast("int")));
  }

  /** {@code FY26Q1}: the label providers use in their releases. */
  public static Column fiscalLabel(Column month, Column startMonth) {
    return concat(
        lit("FY"),
        lpad(pmod(fiscalYear(month, startMonth), lit(100)).cast("string"), 2, "0"),
        lit("Q"),
        fiscalQuarter(month, startMonth).cast("string"));
  }

  /** The configured fiscal start month of each provider, as a column over a provider id column. */
  public static Column fiscalStartMonth(Column provider, Collection<ProviderConfig> providers) {
    Column start = lit(1);
    for (ProviderConfig p : providers) {
      start = when(provider.equalTo(p.id()), lit(p.fiscalYearStartMonth())).otherwise(start);
    }
    return start;
  }
}
