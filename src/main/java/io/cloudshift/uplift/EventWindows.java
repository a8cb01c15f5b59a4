package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_FROM;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_MONTHS;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_STREAM_TOTAL;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Joins;
import io.cloudshift.schema.Stream;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The months an estimate looks at, for terms changes and placebo events alike: per event (lab,
 * provider, event_month d) × stream, the grid months m ≥ d of the same lab and provider with the
 * baseline of docs/methodology.md#uplift (w0 = {@code windows.baseline-months}): the grid months
 * inside [d − w0, d), clipped to the months present in the data, s0 = Σ R / Σ T over them (null
 * when Σ T ≤ 0) and T0 = Σ T / n.
 */
final class EventWindows {
  private static final List<String> EVENT_STREAM =
      List.of(
          Columns.LAB,
          Columns.PROVIDER,
          Columns.EVENT_MONTH,
          Columns.STREAM,
          Columns.REPORTING_CURRENCY);

  private EventWindows() {}

  /**
   * {@code lab_provider_monthly}'s compute and resale rows as the estimators read them: lab,
   * provider, stream, reporting_currency, month, R, T and s.
   */
  static Dataset<Row> streamGrid(Dataset<Row> labProviderMonthly) {
    return labProviderMonthly
        .where(col(Columns.STREAM).isin(Stream.COMPUTE.value(), Stream.RESALE.value()))
        .select(
            col(Columns.LAB),
            col(Columns.PROVIDER),
            col(Columns.STREAM),
            col(Columns.REPORTING_CURRENCY),
            col(Columns.MONTH),
            col(Columns.BILLED_REVENUE).cast(ExactDecimal.MONEY).as(Columns.BILLED_REVENUE),
            col(Columns.LAB_STREAM_TOTAL).cast(ExactDecimal.MONEY).as(Columns.LAB_STREAM_TOTAL),
            col(Columns.SHARE).cast(ExactDecimal.FRACTION).as(Columns.SHARE));
  }

  /**
   * @param grid {@link #streamGrid}
   * @param events one row per event: lab, provider, event_month and any columns of its own, which
   *     the result keeps
   * @param horizonMonths the number of months from d to keep; empty keeps every month from d on
   * @return per event × stream × grid month m ≥ d (within the horizon): the event's columns, {@code
   *     baseline_from}, the stream, currency, month, R, T, s, {@code baseline_months}, {@code
   *     baseline_share} and {@code baseline_stream_total}
   */
  static Dataset<Row> of(
      Dataset<Row> grid, Dataset<Row> events, int baselineMonths, OptionalInt horizonMonths) {
    Dataset<Row> g =
        grid.withColumnRenamed(Columns.LAB, "_g_lab")
            .withColumnRenamed(Columns.PROVIDER, "_g_provider");
    Dataset<Row> e =
        events.withColumn(BASELINE_FROM, add_months(col(Columns.EVENT_MONTH), -baselineMonths));
    // Unqualified names only: a placebo's events come from the grid itself, and Spark rejects
    // references that could point to either side of such a self-join.
    Column sameParty =
        col(Columns.LAB)
            .equalTo(col("_g_lab"))
            .and(col(Columns.PROVIDER).equalTo(col("_g_provider")));

    Dataset<Row> baseline =
        e.join(
                g,
                sameParty
                    .and(col(Columns.MONTH).geq(col(BASELINE_FROM)))
                    .and(col(Columns.MONTH).lt(col(Columns.EVENT_MONTH))))
            .groupBy(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.EVENT_MONTH),
                col(Columns.STREAM),
                col(Columns.REPORTING_CURRENCY))
            .agg(
                ConvertedSums.sum(col(Columns.BILLED_REVENUE)).as("_b_sum_r"),
                ConvertedSums.sum(col(Columns.LAB_STREAM_TOTAL)).as("_b_sum_t"),
                count(lit(1)).as("_b_months"));

    Column inWindow = sameParty.and(col(Columns.MONTH).geq(col(Columns.EVENT_MONTH)));
    if (horizonMonths.isPresent()) {
      inWindow =
          inWindow.and(
              col(Columns.MONTH)
                  .lt(add_months(col(Columns.EVENT_MONTH), horizonMonths.getAsInt())));
    }
    return e.join(g, inWindow)
        .drop("_g_lab", "_g_provider")
        .join(baseline, Joins.using(EVENT_STREAM), "left")
        .withColumn(BASELINE_MONTHS, coalesce(col("_b_months"), lit(0L)).cast("int"))
        .withColumn(
            BASELINE_SHARE, UpliftFormulas.spendWeightedShare(col("_b_sum_r"), col("_b_sum_t")))
        .withColumn(
            BASELINE_STREAM_TOTAL,
            UpliftFormulas.averageMonthlyTotal(col("_b_sum_t"), col(BASELINE_MONTHS)))
        .drop("_b_sum_r", "_b_sum_t", "_b_months");
  }
}
