package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Silver charges → {@code charges_monthly}: one scan, grouped by provider, lab, stream, month, currency. */
public final class MonthlyAggregate {
  private MonthlyAggregate() {}

  public static Dataset<Row> of(Dataset<Row> charges) {
    Column ai = col(ChargeColumns.IS_AI_WORKLOAD);
    return charges
        .where(col(ChargeColumns.COUNTS_AS_REVENUE))
        .groupBy(
            col(ChargeColumns.PROVIDER).as(ChargesMonthlyTable.PROVIDER),
            col(ChargeColumns.LAB).as(ChargesMonthlyTable.LAB),
            col(ChargeColumns.STREAM).as(ChargesMonthlyTable.STREAM),
            col(ChargeColumns.BILLING_MONTH).as(ChargesMonthlyTable.MONTH),
            col(ChargeColumns.BILLING_CURRENCY).as(ChargesMonthlyTable.CURRENCY))
        .agg(
            sum(ChargeColumns.BILLED_COST).as(ChargesMonthlyTable.BILLED),
            sum(ChargeColumns.EFFECTIVE_COST).as(ChargesMonthlyTable.EFFECTIVE),
            sum(when(ai, col(ChargeColumns.BILLED_COST)).otherwise(lit(0))).as(ChargesMonthlyTable.AI_BILLED),
            sum(when(ai, col(ChargeColumns.EFFECTIVE_COST)).otherwise(lit(0))).as(ChargesMonthlyTable.AI_EFFECTIVE),
            count(lit(1)).as(ChargesMonthlyTable.CHARGE_ROWS));
  }
}
