package io.cloudshift.periods;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
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
 * Calendar and provider fiscal quarters of a month (SPEC §4: Microsoft's fiscal year starts
 * 1 July, Oracle's 1 June). A fiscal year is named by the calendar year in which it ends, as the
 * companies do: Microsoft FY26 = Jul 2025 – Jun 2026, so FY26 Q1 = Jul–Sep 2025.
 */
public final class FiscalCalendar {
  private FiscalCalendar() {}

  /** {@code 2026Q2} for any day of April–June 2026. */
  public static Column calendarQuarter(Column month) {
    return concat(year(month).cast("string"), lit("Q"), quarter(month).cast("string"));
  }

  /** Fiscal quarter 1–4 for a fiscal year starting in {@code startMonth} (1 = calendar). */
  public static Column fiscalQuarter(Column month, Column startMonth) {
    return floor(pmod(month(month).minus(startMonth), lit(12)).divide(3)).plus(1).cast("int");
  }

  /** Fiscal year, named by the calendar year in which it ends. */
  public static Column fiscalYear(Column month, Column startMonth) {
    return when(startMonth.equalTo(1).or(month(month).lt(startMonth)), year(month)).otherwise(year(month).plus(1)).cast("int");
  }

  /** First day of the fiscal quarter containing {@code month} (a first-of-month date). */
  public static Column fiscalQuarterStart(Column month, Column startMonth) {
    return add_months(trunc(month, "month"), negate(pmod(month(month).minus(startMonth), lit(3)).cast("int")));
  }

  /** {@code FY26Q1}: the label providers use in their releases. */
  public static Column fiscalLabel(Column month, Column startMonth) {
    return concat(lit("FY"), lpad(pmod(fiscalYear(month, startMonth), lit(100)).cast("string"), 2, "0"),
        lit("Q"), fiscalQuarter(month, startMonth).cast("string"));
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
