package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.CurrencyConversion;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver charges → {@code charges_monthly}, through a per-file aggregate that also gives each
 * file's silver and unattributed row counts for {@code job_runs}: one narrow scan of the slices a
 * run wrote serves both.
 *
 * <p>Charges are grouped by their charge period too, so that later stages can apportion them to the
 * terms in force and convert them at their start day's rate (docs/methodology.md#currencies,
 * #terms-in-force). A period within one UTC day is widened to that whole day: terms change at 00:00
 * UTC, so this loses nothing, and hourly rows of a day become one group.
 */
public final class MonthlyAggregate {
  static final String ROWS = "_rows";
  private static final String BILLED = "_billed";
  private static final String EFFECTIVE = "_effective";

  private MonthlyAggregate() {}

  /**
   * Charges summed per file and every key charges_monthly needs (AI flag and revenue flag
   * included).
   */
  public static Dataset<Row> perFile(Dataset<Row> charges) {
    Column start = col(ChargeColumns.CHARGE_PERIOD_START);
    Column end = col(ChargeColumns.CHARGE_PERIOD_END);
    Column day = date_trunc("DAY", start);
    Column nextDay = day.plus(expr("INTERVAL 1 DAY"));
    Column withinOneDay = end.leq(nextDay);
    return charges
        .groupBy(
            col(Columns.SOURCE_FILE),
            col(Columns.PROVIDER),
            col(Columns.EXPORT_ID),
            col(Columns.LAB),
            col(Columns.STREAM),
            col(ChargeColumns.BILLING_MONTH),
            col(Columns.BILLING_CURRENCY),
            col(ChargeColumns.COUNTS_AS_REVENUE),
            col(ChargeColumns.IS_AI_WORKLOAD),
            when(withinOneDay, day).otherwise(start).as(ChargeColumns.CHARGE_PERIOD_START),
            when(withinOneDay, nextDay).otherwise(end).as(ChargeColumns.CHARGE_PERIOD_END))
        .agg(
            sum(ChargeColumns.BILLED_COST).as(BILLED),
            sum(ChargeColumns.EFFECTIVE_COST).as(EFFECTIVE),
            count(lit(1)).as(ROWS));
  }

  /**
   * {@link #perFile} → charges_monthly: rows that count as revenue, per provider, export, lab,
   * stream, month, currency and charge period, converted to the reporting currency at the rate of
   * the period's start day.
   */
  public static CurrencyConversion.Converted monthly(
      Dataset<Row> perFile, CurrencyConversion conversion) {
    Column ai = col(ChargeColumns.IS_AI_WORKLOAD);
    Dataset<Row> monthly =
        perFile
            .where(col(ChargeColumns.COUNTS_AS_REVENUE))
            .groupBy(
                col(Columns.PROVIDER).as(Columns.PROVIDER),
                col(Columns.EXPORT_ID).as(Columns.EXPORT_ID),
                col(Columns.LAB).as(Columns.LAB),
                col(Columns.STREAM).as(Columns.STREAM),
                col(ChargeColumns.BILLING_MONTH).as(Columns.MONTH),
                col(Columns.BILLING_CURRENCY).as(Columns.BILLING_CURRENCY),
                col(ChargeColumns.CHARGE_PERIOD_START).as(ChargeColumns.CHARGE_PERIOD_START),
                col(ChargeColumns.CHARGE_PERIOD_END).as(ChargeColumns.CHARGE_PERIOD_END))
            .agg(
                sum(BILLED).as(Columns.BILLED_REVENUE),
                sum(EFFECTIVE).as(Columns.EFFECTIVE_REVENUE),
                sum(when(ai, col(BILLED)).otherwise(lit(0))).as(Columns.AI_BILLED_REVENUE),
                sum(when(ai, col(EFFECTIVE)).otherwise(lit(0)))
                    .as(ChargesMonthlyTable.AI_EFFECTIVE),
                sum(ROWS).as(ChargesMonthlyTable.CHARGE_ROWS));
    return conversion.apply(
        monthly,
        to_date(col(ChargeColumns.CHARGE_PERIOD_START)),
        ChargesMonthlyTable.AMOUNTS,
        ChargesMonthlyTable.CHARGE_ROWS);
  }

  /** Silver charges straight to charges_monthly. */
  public static Dataset<Row> of(Dataset<Row> charges, CurrencyConversion conversion) {
    return monthly(perFile(charges), conversion).rows();
  }
}
