package io.cloudshift.shares;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.year;

import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.QuarterBasis;
import org.apache.spark.sql.Column;

/**
 * The quarter a billing month belongs to, on either basis (docs/methodology.md#revenue-and-shares: "in calendar quarters and in
 * the provider's fiscal quarters"), as the columns {@code quarter_basis}, {@code quarter_label},
 * {@code fiscal_year}, {@code fiscal_quarter}, {@code quarter_start}, {@code quarter_end} (inclusive
 * last day). Labels and fiscal years come from {@link FiscalCalendar}.
 */
public final class Quarters {
  private Quarters() {}

  /** Calendar quarter: {@code 2026Q2}, year 2026, quarter 2, 2026-04-01 .. 2026-06-30. */
  public static Column[] calendar(Column month) {
    Column start = trunc(month, "quarter");
    return columns(lit(QuarterBasis.CALENDAR), FiscalCalendar.calendarQuarter(month),
        year(month), quarter(month), start);
  }

  /**
   * Fiscal quarter of a fiscal year starting in {@code startMonth}: Microsoft (7) June 2026 is
   * {@code FY26Q4}, 2026-04-01 .. 2026-06-30; Oracle (6) January 2026 is {@code FY26Q3},
   * 2025-12-01 .. 2026-02-28.
   */
  public static Column[] fiscal(Column month, Column startMonth) {
    Column start = FiscalCalendar.quarterStart(month, startMonth);
    return columns(lit(QuarterBasis.FISCAL), FiscalCalendar.fiscalLabel(month, startMonth),
        FiscalCalendar.fiscalYear(month, startMonth), FiscalCalendar.fiscalQuarter(month, startMonth), start);
  }

  private static Column[] columns(Column basis, Column label, Column year, Column quarter, Column start) {
    return new Column[] {
      basis.as(Columns.QUARTER_BASIS),
      label.as(Columns.QUARTER_LABEL),
      year.cast("int").as(Columns.FISCAL_YEAR),
      quarter.cast("int").as(Columns.FISCAL_QUARTER),
      start.as(Columns.QUARTER_START),
      date_sub(add_months(start, 3), 1).as(Columns.QUARTER_END)
    };
  }
}
