package io.cloudshift.periods;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.QuarterBasis;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The quarter columns every table uses, built in one place (docs/methodology.md#quarters), so the
 * same concept has the same name everywhere:
 *
 * <ul>
 *   <li>a quarterly row (provider_lab_mix_quarterly, uplift_quarterly, revenue_reconciliation,
 *       uplift_projection) names its quarter by {@code quarter_basis} (calendar or fiscal), {@code
 *       quarter_label} (2026Q2, FY26Q4), {@code quarter_year}, {@code quarter_number}, {@code
 *       quarter_start} and {@code quarter_end}: the year and number are in the row's basis, so a
 *       calendar row's year is a calendar year, never called fiscal;
 *   <li>a monthly row (lab_provider_monthly, uplift_monthly) names the quarters its month falls in:
 *       {@code calendar_quarter_label}, and the provider's {@code fiscal_year}, {@code
 *       fiscal_quarter_number} and {@code fiscal_quarter_label}.
 * </ul>
 *
 * The tables declare these columns with {@link io.cloudshift.schema.QuarterColumnSpecs}.
 */
public final class QuarterColumns {
  private QuarterColumns() {}

  /**
   * The quarter of {@code month} in {@code basis}; a fiscal year starts in {@code fiscalStartMonth}
   * (1: the calendar year).
   */
  public static Column[] quarterOf(Column basis, Column month, Column fiscalStartMonth) {
    Column startMonth =
        when(basis.equalTo(lit(QuarterBasis.CALENDAR)), lit(1)).otherwise(fiscalStartMonth);
    Column start = FiscalCalendar.quarterStart(month, startMonth);
    return new Column[] {
      basis.as(Columns.QUARTER_BASIS),
      when(basis.equalTo(lit(QuarterBasis.CALENDAR)), FiscalCalendar.calendarQuarter(month))
          .otherwise(FiscalCalendar.fiscalLabel(month, startMonth))
          .as(Columns.QUARTER_LABEL),
      FiscalCalendar.fiscalYear(month, startMonth).cast("int").as(Columns.QUARTER_YEAR),
      FiscalCalendar.fiscalQuarter(month, startMonth).cast("int").as(Columns.QUARTER_NUMBER),
      start.as(Columns.QUARTER_START),
      FiscalCalendar.quarterEnd(start).as(Columns.QUARTER_END)
    };
  }

  /** As {@link #quarterOf(Column, Column, Column)}, for one basis. */
  public static Column[] quarterOf(String basis, Column month, Column fiscalStartMonth) {
    return quarterOf(lit(basis), month, fiscalStartMonth);
  }

  /**
   * Every column of {@code rows}, then {@code quarter}: for a select that adds the quarter columns.
   */
  public static Column[] with(Dataset<Row> rows, Column[] quarter) {
    List<Column> columns = new ArrayList<>();
    for (String c : rows.columns()) {
      columns.add(col("`" + c + "`"));
    }
    columns.addAll(List.of(quarter));
    return columns.toArray(Column[]::new);
  }

  /** The calendar quarter and the provider's fiscal quarter {@code month} falls in. */
  public static Column[] monthOf(Column month, Column fiscalStartMonth) {
    return new Column[] {
      FiscalCalendar.calendarQuarter(month).as(Columns.CALENDAR_QUARTER_LABEL),
      FiscalCalendar.fiscalYear(month, fiscalStartMonth).cast("int").as(Columns.FISCAL_YEAR),
      FiscalCalendar.fiscalQuarter(month, fiscalStartMonth)
          .cast("int")
          .as(Columns.FISCAL_QUARTER_NUMBER),
      FiscalCalendar.fiscalLabel(month, fiscalStartMonth).as(Columns.FISCAL_QUARTER_LABEL)
    };
  }
}
