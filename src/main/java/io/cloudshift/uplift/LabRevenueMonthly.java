package io.cloudshift.uplift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.LabRevenueColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * LabRevenue(L, m) of docs/methodology.md#inbound-share (inbound share): the lab's revenue in a
 * month, chosen among the public figures of the silver {@code lab_revenue} table, each of which
 * implies a monthly revenue ({@code monthly_revenue_usd}) for every calendar month from its
 * period_start's month to its period_end's month.
 *
 * <p>The rule, for lab L and month m:
 *
 * <ol>
 *   <li>Among the figures whose period covers m (at month granularity), the one with the latest
 *       {@code period_start} wins — the most recent reading of the lab's pace. Ties: an annualised
 *       run-rate before a period revenue (a run-rate describes the pace at the period's end), then
 *       the smallest {@code fact_id} (deterministic).
 *   <li>A month covered by no figure carries forward the most recent earlier figure: the one the
 *       rule above picks for the last covered month before m (latest period end, then latest
 *       period_start, run-rate, fact_id). {@code lab_revenue_carried_forward} is then true.
 *   <li>Before the lab's first figure the revenue is null (unknown, not zero), so the inbound share
 *       of that month is null too.
 * </ol>
 */
public final class LabRevenueMonthly {
  public static final String CARRIED_FORWARD = "lab_revenue_carried_forward";

  private LabRevenueMonthly() {}

  /**
   * For each distinct ({@code lab}, {@code month}) of {@code labMonths} (month = first day), one
   * row: lab, month, {@link #LAB_REVENUE_USD} (USD, null before the first figure), {@link #FACT_ID}
   * and {@link #CARRIED_FORWARD}.
   */
  public static Dataset<Row> of(Dataset<Row> labRevenue, Dataset<Row> labMonths) {
    Dataset<Row> keys =
        labMonths
            .select(col(Columns.LAB).as("_k_lab"), col(Columns.MONTH).as("_k_month"))
            .distinct();
    Dataset<Row> figures =
        labRevenue.select(
            col(Columns.LAB).as("_f_lab"),
            col(Columns.FACT_ID).as("_f_fact_id"),
            col(Columns.METRIC).as("_f_metric"),
            col(LabRevenueColumns.PERIOD_START).as("_f_start"),
            trunc(col(LabRevenueColumns.PERIOD_START), "month").as("_f_start_month"),
            trunc(col(LabRevenueColumns.PERIOD_END), "month").as("_f_end_month"),
            col(LabRevenueColumns.MONTHLY_REVENUE_USD).as("_f_monthly"));
    Column started =
        keys.col("_k_lab")
            .equalTo(figures.col("_f_lab"))
            .and(figures.col("_f_start_month").leq(keys.col("_k_month")));
    Column covers = col("_f_end_month").geq(col("_k_month"));
    Column runRateFirst =
        when(col("_f_metric").equalTo(LabRevenueColumns.ANNUALIZED_RUN_RATE_USD), lit(0))
            .otherwise(lit(1));
    Dataset<Row> ranked =
        keys.join(figures, started, "left")
            .withColumn("_covers", covers)
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(col("_k_lab"), col("_k_month"))
                            .orderBy(
                                col("_covers").desc_nulls_last(),
                                // Covering figures tie here (null) and are ordered by start;
                                // carried ones by their end first.
                                when(col("_covers"), lit(null).cast("date"))
                                    .otherwise(col("_f_end_month"))
                                    .desc_nulls_last(),
                                col("_f_start").desc_nulls_last(),
                                runRateFirst.asc_nulls_last(),
                                col("_f_fact_id").asc_nulls_last())));
    return ranked
        .where(col("_rank").equalTo(1))
        .select(
            col("_k_lab").as(Columns.LAB),
            col("_k_month").as(Columns.MONTH),
            col("_f_monthly").cast(ExactDecimal.MONEY).as(Columns.LAB_REVENUE_USD),
            col("_f_fact_id").as(Columns.LAB_REVENUE_FACT_ID),
            when(col("_f_fact_id").isNull(), lit(null).cast("boolean"))
                .otherwise(col("_covers").equalTo(false))
                .as(CARRIED_FORWARD));
  }
}
