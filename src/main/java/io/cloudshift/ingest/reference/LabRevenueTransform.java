package io.cloudshift.ingest.reference;

import static io.cloudshift.schema.LabRevenueColumns.ANNUALIZED_RUN_RATE_USD;
import static io.cloudshift.schema.LabRevenueColumns.INPUT;
import static io.cloudshift.schema.LabRevenueColumns.METRICS;
import static io.cloudshift.schema.LabRevenueColumns.MONTHLY_REVENUE_USD;
import static io.cloudshift.schema.LabRevenueColumns.MONTHS_COVERED;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_END;
import static io.cloudshift.schema.LabRevenueColumns.PERIOD_START;
import static io.cloudshift.schema.LabRevenueColumns.REQUIRED;
import static io.cloudshift.schema.LabRevenueColumns.USD;
import static io.cloudshift.schema.LabRevenueColumns.VALUE_USD;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.cloudshift.config.LabNames;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.PartnershipColumns;
import io.cloudshift.schema.ReasonCode;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lab revenue figures (text) → {@code lab_revenue} rows and rejects
 * (docs/methodology.md#lab-revenue). Besides typing the figure, it derives monthly_revenue_usd,
 * because the inbound share of docs/methodology.md#inbound-share needs LabRevenue(L,m) per month: a
 * run-rate is annualised, so one month is a twelfth; a period revenue is spread evenly over the
 * calendar months it covers (Q1 revenue / 3). The figure applies to each of those months.
 */
final class LabRevenueTransform {
  private static final int MONTHS_PER_YEAR = 12;
  private static final List<String> DATES = List.of(PERIOD_START, PERIOD_END);

  private final Rules rules;

  /**
   * @param labs the one spelling of each attributed lab, which the figures' lab names are matched
   *     to
   */
  LabRevenueTransform(LabNames labs) {
    this.rules = rules(labs);
  }

  private static Rules rules(LabNames labs) {
    return Rules.forColumns(INPUT)
        .parse(Columns.LAB, Parse.lab(labs))
        .parse(DATES, Parse::date)
        .parse(VALUE_USD, Parse.decimal(USD))
        .parse(Columns.METRIC, Parse.oneOf(METRICS))
        .parse(Columns.CONFIDENCE, Parse.oneOf(PartnershipColumns.CONFIDENCE_VALUES))
        .checkEach(REQUIRED, Check::required)
        .checkEach(DATES, Check::date)
        .check(Check.number(VALUE_USD))
        .check(Check.nonNegative(VALUE_USD))
        .check(Check.oneOf(Columns.METRIC, METRICS))
        .check(Check.oneOf(Columns.CONFIDENCE, PartnershipColumns.CONFIDENCE_VALUES))
        // period_end is inclusive here (the last day the figure describes): a one-day period is
        // fine.
        .check(
            Check.of(
                ReasonCode.BAD_PERIOD,
                RowValidator.typed(PERIOD_END).lt(RowValidator.typed(PERIOD_START)),
                concat(
                    lit(PERIOD_END + "='"),
                    date_format(RowValidator.typed(PERIOD_END), "yyyy-MM-dd"),
                    lit("' is before " + PERIOD_START + "='"),
                    date_format(RowValidator.typed(PERIOD_START), "yyyy-MM-dd"),
                    lit("'"))))
        .build();
  }

  Outcome apply(Dataset<Row> input) {
    Dataset<Row> validated = RowValidator.validate(input, rules);
    Dataset<Row> typed =
        RowValidator.accepted(validated)
            .select(
                col(Columns.FACT_ID),
                RowValidator.typed(Columns.LAB).as(Columns.LAB),
                RowValidator.typed(Columns.METRIC).as(Columns.METRIC),
                RowValidator.typed(PERIOD_START).as(PERIOD_START),
                RowValidator.typed(PERIOD_END).as(PERIOD_END),
                RowValidator.typed(VALUE_USD).as(VALUE_USD),
                col(Columns.SOURCE_URL),
                RowValidator.typed(Columns.CONFIDENCE).as(Columns.CONFIDENCE),
                col(Columns.NOTES))
            .withColumn(
                MONTHS_COVERED,
                monthIndex(col(PERIOD_END)).minus(monthIndex(col(PERIOD_START))).plus(lit(1)))
            .withColumn(MONTHLY_REVENUE_USD, monthly());
    return new Outcome(LabRevenueTable.SPEC.conform(typed), RowValidator.rejected(validated));
  }

  /** Months since year 0: the difference of two is a count of calendar-month boundaries. */
  private static Column monthIndex(Column date) {
    return year(date).multiply(lit(MONTHS_PER_YEAR)).plus(month(date));
  }

  private static Column monthly() {
    Column months =
        when(col(Columns.METRIC).equalTo(lit(ANNUALIZED_RUN_RATE_USD)), lit(MONTHS_PER_YEAR))
            .otherwise(col(MONTHS_COVERED));
    // Rounded half-up to the cent by the cast; try_ forms so ANSI mode cannot throw.
    return try_divide(col(VALUE_USD), months).try_cast(USD);
  }
}
