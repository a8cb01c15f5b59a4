package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataTypes;

/**
 * The declarations of the quarter columns every table shares (their values: {@code
 * periods.QuarterColumns}).
 */
public final class QuarterColumnSpecs {
  private QuarterColumnSpecs() {}

  /** A quarterly row's quarter, in its basis. */
  public static TableSpec.Column[] quarter() {
    return new TableSpec.Column[] {
      column(
          Columns.QUARTER_BASIS,
          DataTypes.StringType,
          "calendar (Jan-Mar = Q1) or fiscal (the provider's configured fiscal year: Microsoft's"
              + " starts 1 July, Oracle's 1 June)"),
      column(
          Columns.QUARTER_LABEL,
          DataTypes.StringType,
          "The quarter as named in its basis: 2026Q2 (calendar) or FY26Q4 (fiscal, the year named"
              + " by the calendar year it ends in)"),
      column(
          Columns.QUARTER_YEAR,
          DataTypes.IntegerType,
          "Year of the quarter in its basis: the calendar year (calendar) or the provider's fiscal"
              + " year (fiscal)"),
      column(Columns.QUARTER_NUMBER, DataTypes.IntegerType, "Quarter 1-4 within quarter_year"),
      column(Columns.QUARTER_START, DataTypes.DateType, "First day of the quarter"),
      column(Columns.QUARTER_END, DataTypes.DateType, "Last day of the quarter (inclusive)")
    };
  }

  /** The calendar quarter of a month. */
  public static TableSpec.Column calendarQuarterOfMonth() {
    return column(
        Columns.CALENDAR_QUARTER_LABEL,
        DataTypes.StringType,
        "Calendar quarter of the month, e.g. 2026Q2");
  }

  /** The provider's fiscal quarter of a month (or of a calendar quarter's first month). */
  public static TableSpec.Column[] fiscalQuarterOfMonth() {
    return new TableSpec.Column[] {
      column(
          Columns.FISCAL_YEAR,
          DataTypes.IntegerType,
          "The provider's fiscal year of the month, named by the calendar year it ends in"),
      column(
          Columns.FISCAL_QUARTER_NUMBER,
          DataTypes.IntegerType,
          "The provider's fiscal quarter 1-4 of the month"),
      column(
          Columns.FISCAL_QUARTER_LABEL,
          DataTypes.StringType,
          "The provider's fiscal quarter of the month, e.g. FY26Q4")
    };
  }
}
