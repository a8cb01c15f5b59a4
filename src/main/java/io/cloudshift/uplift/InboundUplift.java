package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.CAP_REMAINING;
import static io.cloudshift.schema.UpliftMonthlyTable.INBOUND;
import static io.cloudshift.schema.UpliftMonthlyTable.MODEL;
import static io.cloudshift.schema.UpliftMonthlyTable.MONTH_FRACTION_AFTER;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_ACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_COUNTERFACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.OLD_CAP_REMAINING;
import static io.cloudshift.schema.UpliftMonthlyTable.UPLIFT;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;

import io.cloudshift.currency.UsdToReporting;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.CounterfactualModel;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.terms.EventMonthSplit;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The inbound-share rows of {@code uplift_monthly} ({@code stream = 'inbound'}): for each event
 * whose old or new terms have a non-zero lab share q, one row per month from the event month to the
 * last month of {@code lab_provider_monthly} (every calendar month, so the cap is followed without
 * gaps). N_act = I under the new terms (q1, C1), N_cf = I under the old ones (q0, C0), U = their
 * difference. "Paid so far" runs under each terms from the event month on: payments before the
 * event are not known per terms, so each cap is taken as whole at d. I is worked out in USD, the
 * currency of the lab revenue figures and the caps, then converted ({@link UsdToReporting}).
 */
final class InboundUplift {
  private InboundUplift() {}

  static Dataset<Row> of(
      Dataset<Row> labProviderMonthly,
      Dataset<Row> events,
      Dataset<Row> labRevenue,
      UsdToReporting toReporting) {
    Dataset<Row> lastMonth = labProviderMonthly.agg(max(col(Columns.MONTH)).as("_last_month"));
    Column hasInbound =
        coalesce(col(Columns.OLD_LAB_SHARE_TO_PROVIDER), lit(BigDecimal.ZERO))
            .notEqual(0)
            .or(coalesce(col(Columns.NEW_LAB_SHARE_TO_PROVIDER), lit(BigDecimal.ZERO)).notEqual(0));
    Dataset<Row> months =
        events
            .where(hasInbound)
            .crossJoin(lastMonth)
            .where(col(Columns.EVENT_MONTH).leq(col("_last_month")))
            .withColumn(
                Columns.MONTH,
                explode(
                    sequence(
                        col(Columns.EVENT_MONTH), col("_last_month"), expr("INTERVAL 1 MONTH"))))
            .drop("_last_month");
    Dataset<Row> revenue =
        LabRevenueMonthly.of(labRevenue, months.select(col(Columns.LAB), col(Columns.MONTH)))
            .select(
                col(Columns.LAB).as("_r_lab"),
                col(Columns.MONTH).as("_r_month"),
                col(Columns.LAB_REVENUE_USD).as(Columns.LAB_REVENUE_USD),
                col(Columns.LAB_REVENUE_FACT_ID).as(Columns.LAB_REVENUE_FACT_ID));
    Dataset<Row> rows =
        months
            .join(
                revenue,
                months
                    .col(Columns.LAB)
                    .equalTo(revenue.col("_r_lab"))
                    .and(months.col(Columns.MONTH).equalTo(revenue.col("_r_month"))),
                "left")
            .drop("_r_lab", "_r_month")
            .withColumn(
                MONTH_FRACTION_AFTER,
                EventMonthSplit.fractionAfter(
                    col(Columns.EFFECTIVE_FROM), col(Columns.EVENT_MONTH), col(Columns.MONTH)))
            .withColumn(
                "_due_new",
                UpliftFormulas.inboundDueFor(
                    col(Columns.NEW_LAB_SHARE_TO_PROVIDER),
                    col(Columns.LAB_REVENUE_USD),
                    col(MONTH_FRACTION_AFTER)))
            // q0·LR − q0·LR·f rather than q0·LR·(1 − f): with q1 = q0 the two parts add up to
            // q0·LR exactly.
            .withColumn(
                "_due_old_before_change",
                ExactDecimal.minus(
                    UpliftFormulas.inboundDue(
                        col(Columns.OLD_LAB_SHARE_TO_PROVIDER), col(Columns.LAB_REVENUE_USD)),
                    UpliftFormulas.inboundDueFor(
                        col(Columns.OLD_LAB_SHARE_TO_PROVIDER),
                        col(Columns.LAB_REVENUE_USD),
                        col(MONTH_FRACTION_AFTER))))
            .withColumn(
                "_due_old",
                UpliftFormulas.inboundDue(
                    col(Columns.OLD_LAB_SHARE_TO_PROVIDER), col(Columns.LAB_REVENUE_USD)));

    WindowSpec before =
        Window.partitionBy(
                col(Columns.EVENT_ID),
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.EVENT_MONTH))
            .orderBy(col(Columns.MONTH))
            .rowsBetween(Window.unboundedPreceding(), -1);
    return terms(
            terms(
                rows, "_due_new", Columns.NEW_LAB_SHARE_CAP_USD, NET_ACTUAL, CAP_REMAINING, before),
            "_due_old",
            Columns.OLD_LAB_SHARE_CAP_USD,
            NET_COUNTERFACTUAL,
            OLD_CAP_REMAINING,
            before)
        // The event month's part before the change was paid under the old rate and cap.
        .withColumn(
            NET_ACTUAL,
            ExactDecimal.plus(
                col(NET_ACTUAL),
                UpliftFormulas.inboundShare(
                    col("_due_old_before_change"),
                    lit(BigDecimal.ZERO).cast(ExactDecimal.MONEY),
                    col(Columns.OLD_LAB_SHARE_CAP_USD))))
        .withColumn(NET_ACTUAL, toReporting(toReporting, NET_ACTUAL))
        .withColumn(NET_COUNTERFACTUAL, toReporting(toReporting, NET_COUNTERFACTUAL))
        .withColumn(UPLIFT, UpliftFormulas.uplift(col(NET_ACTUAL), col(NET_COUNTERFACTUAL)))
        .withColumn(Columns.STREAM, lit(INBOUND))
        .withColumn(Columns.REPORTING_CURRENCY, lit(toReporting.reportingCurrency()))
        // The inbound share does not depend on the share model: the same rows for each, so that
        // an event's total under a model sums its compute, resale and inbound rows.
        .withColumn(
            MODEL,
            explode(
                array(
                    Arrays.stream(CounterfactualModel.values())
                        .map(m -> lit(m.value()))
                        .toArray(Column[]::new))))
        .drop("_due_new", "_due_old", "_due_old_before_change");
  }

  /** The inbound share is worked out in USD, as the caps are; its amounts are then converted. */
  private static Column toReporting(UsdToReporting toReporting, String usdAmount) {
    return toReporting.convert(col(usdAmount), col(Columns.MONTH), ExactDecimal.MONEY);
  }

  /**
   * I and the cap left under one set of terms, with "paid so far" the capped running sum of
   * q·LabRevenue.
   */
  private static Dataset<Row> terms(
      Dataset<Row> rows,
      String due,
      String cap,
      String share,
      String capRemaining,
      WindowSpec before) {
    Column dueOrZero = coalesce(col(due), lit(BigDecimal.ZERO).cast(ExactDecimal.MONEY));
    Column cumulativeBefore =
        coalesce(sum(dueOrZero).over(before), lit(BigDecimal.ZERO).cast(ExactDecimal.MONEY))
            .cast(ExactDecimal.MONEY);
    Column paidBefore = UpliftFormulas.inboundPaidThrough(col("_cum_before"), col(cap));
    Column paidThrough =
        UpliftFormulas.inboundPaidThrough(
            ExactDecimal.plus(col("_cum_before"), dueOrZero), col(cap));
    return rows.withColumn("_cum_before", cumulativeBefore)
        .withColumn(share, UpliftFormulas.inboundShare(col(due), paidBefore, col(cap)))
        .withColumn(capRemaining, UpliftFormulas.capRemaining(col(cap), paidThrough))
        .drop("_cum_before");
  }
}
