package io.cloudshift.periods;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.testing.SparkTestSession;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The calendar rules, worked by hand for Microsoft (July), Oracle (June) and the calendar year, and
 * both forms compared.
 */
class FiscalCalendarTest {
  private static final int MICROSOFT = 7;
  private static final int ORACLE = 6;
  private static final int CALENDAR = 1;

  @Test
  void fiscalYearsAreNamedByTheCalendarYearTheyEndIn() {
    // Microsoft FY26 = Jul 2025 – Jun 2026.
    assertThat(FiscalCalendar.fiscalYear(2025, 7, MICROSOFT)).isEqualTo(2026);
    assertThat(FiscalCalendar.fiscalQuarter(7, MICROSOFT)).isEqualTo(1);
    assertThat(FiscalCalendar.fiscalYear(2026, 6, MICROSOFT)).isEqualTo(2026);
    assertThat(FiscalCalendar.fiscalQuarter(6, MICROSOFT)).isEqualTo(4);
    assertThat(FiscalCalendar.fiscalQuarter(1, MICROSOFT)).isEqualTo(3);
    // Oracle FY25 Q1 = Jun–Aug 2024.
    assertThat(FiscalCalendar.fiscalYear(2024, 6, ORACLE)).isEqualTo(2025);
    assertThat(FiscalCalendar.fiscalQuarter(8, ORACLE)).isEqualTo(1);
    assertThat(FiscalCalendar.fiscalYear(2024, 5, ORACLE)).isEqualTo(2024);
    // The calendar year.
    assertThat(FiscalCalendar.fiscalYear(2026, 12, CALENDAR)).isEqualTo(2026);
    assertThat(FiscalCalendar.fiscalQuarter(4, CALENDAR)).isEqualTo(2);
  }

  @Test
  void quartersOverColumnsAsWorkedByHand() {
    Row r =
        SparkTestSession.get()
            .range(1)
            .select(
                FiscalCalendar.quarterStart(lit(Date.valueOf("2025-09-01")), lit(MICROSOFT)),
                FiscalCalendar.quarterEnd(lit(Date.valueOf("2025-07-01"))),
                FiscalCalendar.quarterStart(lit(Date.valueOf("2024-08-01")), lit(ORACLE)),
                FiscalCalendar.fiscalQuarterStart(lit(2023), lit(1), lit(MICROSOFT)),
                FiscalCalendar.fiscalQuarterStart(lit(2025), lit(1), lit(ORACLE)),
                FiscalCalendar.fiscalQuarterStart(lit(2026), lit(2), lit(CALENDAR)),
                FiscalCalendar.fiscalQuarterStart(lit(2026), lit(5), lit(CALENDAR)),
                FiscalCalendar.fiscalLabel(lit(Date.valueOf("2025-07-01")), lit(MICROSOFT)),
                FiscalCalendar.calendarQuarter(lit(Date.valueOf("2026-04-27"))))
            .head();
    assertThat(r.getDate(0)).isEqualTo(Date.valueOf("2025-07-01"));
    assertThat(r.getDate(1)).isEqualTo(Date.valueOf("2025-09-30"));
    assertThat(r.getDate(2)).isEqualTo(Date.valueOf("2024-06-01"));
    assertThat(r.getDate(3)).isEqualTo(Date.valueOf("2022-07-01"));
    assertThat(r.getDate(4)).isEqualTo(Date.valueOf("2024-06-01"));
    assertThat(r.getDate(5)).isEqualTo(Date.valueOf("2026-04-01"));
    assertThat(r.isNullAt(6)).as("there is no fifth quarter").isTrue();
    assertThat(r.getString(7)).isEqualTo("FY26Q1");
    assertThat(r.getString(8)).isEqualTo("2026Q2");
  }

  /**
   * Every month of two years under every start month: the column and int forms agree, and a fiscal
   * quarter's start inverts its label.
   */
  @Test
  void theColumnAndDriverFormsAgreeForEveryMonthAndStartMonth() {
    List<Row> cases = new ArrayList<>();
    for (int start = 1; start <= 12; start++) {
      for (LocalDate m = LocalDate.of(2025, 1, 1); m.getYear() < 2027; m = m.plusMonths(1)) {
        cases.add(
            RowFactory.create(
                Date.valueOf(m),
                start,
                FiscalCalendar.fiscalYear(m.getYear(), m.getMonthValue(), start),
                FiscalCalendar.fiscalQuarter(m.getMonthValue(), start)));
      }
    }
    StructType schema =
        new StructType()
            .add("month", DataTypes.DateType)
            .add("start", DataTypes.IntegerType)
            .add("year", DataTypes.IntegerType)
            .add("quarter", DataTypes.IntegerType);
    Dataset<Row> months = SparkTestSession.get().createDataFrame(cases, schema);
    Dataset<Row> disagreeing =
        months.where(
            FiscalCalendar.fiscalYear(col("month"), col("start"))
                .notEqual(col("year"))
                .or(
                    FiscalCalendar.fiscalQuarter(col("month"), col("start"))
                        .notEqual(col("quarter")))
                .or(
                    FiscalCalendar.fiscalQuarterStart(col("year"), col("quarter"), col("start"))
                        .notEqual(FiscalCalendar.quarterStart(col("month"), col("start")))));

    assertThat(cases).hasSize(12 * 24);
    assertThat(disagreeing.collectAsList()).isEmpty();
  }
}
