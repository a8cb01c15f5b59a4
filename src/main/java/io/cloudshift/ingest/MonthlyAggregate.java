package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
    return charges
        .groupBy(
            Columns.SOURCE_FILE,
            Columns.PROVIDER,
            Columns.EXPORT_ID,
            Columns.LAB,
            Columns.STREAM,
            ChargeColumns.BILLING_MONTH,
            Columns.BILLING_CURRENCY,
            ChargeColumns.COUNTS_AS_REVENUE,
            ChargeColumns.IS_AI_WORKLOAD)
        .agg(
            sum(ChargeColumns.BILLED_COST).as(BILLED),
            sum(ChargeColumns.EFFECTIVE_COST).as(EFFECTIVE),
            count(lit(1)).as(ROWS));
  }

  /**
   * {@link #perFile} → charges_monthly: rows that count as revenue, per provider, export, lab,
   * stream, month, currency.
   */
  public static Dataset<Row> monthly(Dataset<Row> perFile) {
    Column ai = col(ChargeColumns.IS_AI_WORKLOAD);
    return perFile
        .where(col(ChargeColumns.COUNTS_AS_REVENUE))
        .groupBy(
            col(Columns.PROVIDER).as(Columns.PROVIDER),
            col(Columns.EXPORT_ID).as(Columns.EXPORT_ID),
            col(Columns.LAB).as(Columns.LAB),
            col(Columns.STREAM).as(Columns.STREAM),
            col(ChargeColumns.BILLING_MONTH).as(Columns.MONTH),
            col(Columns.BILLING_CURRENCY).as(Columns.BILLING_CURRENCY))
        .agg(
            sum(BILLED).as(Columns.BILLED_REVENUE),
            sum(EFFECTIVE).as(Columns.EFFECTIVE_REVENUE),
            sum(when(ai, col(BILLED)).otherwise(lit(0))).as(Columns.AI_BILLED_REVENUE),
            sum(when(ai, col(EFFECTIVE)).otherwise(lit(0))).as(ChargesMonthlyTable.AI_EFFECTIVE),
            sum(ROWS).as(ChargesMonthlyTable.CHARGE_ROWS));
  }

  /** Silver charges straight to charges_monthly. */
  public static Dataset<Row> of(Dataset<Row> charges) {
    return monthly(perFile(charges));
  }
}
