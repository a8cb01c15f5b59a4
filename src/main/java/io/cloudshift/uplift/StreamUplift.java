package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_FROM;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_MONTHS;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_STREAM_TOTAL;
import static io.cloudshift.schema.UpliftMonthlyTable.COUNTERFACTUAL_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.MARGIN_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.MONTH_FRACTION_AFTER;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_ACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_COUNTERFACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_PRE_EVENT;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_NEW;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_OLD;
import static io.cloudshift.schema.UpliftMonthlyTable.SHARE_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.UPLIFT;
import static io.cloudshift.schema.UpliftMonthlyTable.VOLUME_EFFECT;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Joins;
import io.cloudshift.schema.Stream;
import io.cloudshift.terms.EventMonthSplit;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The compute and resale rows of {@code uplift_monthly}: for each event × stream in which the
 * provider appears in the lab's {@code lab_provider_monthly} grid, one row per grid month m ≥ d and
 * counterfactual model ({@link CounterfactualShares}).
 *
 * <p>Baseline (docs/methodology.md#uplift, w0 = {@code windows.baseline-months}): the grid months
 * of the same lab, provider and stream inside [d − w0, d) — clipped to the months present in the
 * data, so an event in the first month of data has 0 baseline months. s0 = Σ R / Σ T over them
 * (null when Σ T ≤ 0), T0 = Σ T / n. Without s0 every counterfactual column is null; N_act stays.
 */
final class StreamUplift {
  private StreamUplift() {}

  static Dataset<Row> of(
      Dataset<Row> labProviderMonthly,
      Dataset<Row> chargesMonthly,
      Dataset<Row> events,
      int baselineMonths,
      int trendMonths) {
    Dataset<Row> grid =
        labProviderMonthly
            .where(col(Columns.STREAM).isin(Stream.COMPUTE.value(), Stream.RESALE.value()))
            .select(
                col(Columns.LAB).as("_g_lab"),
                col(Columns.PROVIDER).as("_g_provider"),
                col(Columns.STREAM).as(Columns.STREAM),
                col(Columns.REPORTING_CURRENCY).as(Columns.REPORTING_CURRENCY),
                col(Columns.MONTH).as(Columns.MONTH),
                col(Columns.BILLED_REVENUE).cast(ExactDecimal.MONEY).as(Columns.BILLED_REVENUE),
                col(Columns.LAB_STREAM_TOTAL).cast(ExactDecimal.MONEY).as(Columns.LAB_STREAM_TOTAL),
                col(Columns.SHARE).cast(ExactDecimal.FRACTION).as(Columns.SHARE));
    Dataset<Row> e =
        events.withColumn(BASELINE_FROM, add_months(col(Columns.EVENT_MONTH), -baselineMonths));
    Column sameParty =
        e.col(Columns.LAB)
            .equalTo(grid.col("_g_lab"))
            .and(e.col(Columns.PROVIDER).equalTo(grid.col("_g_provider")));

    Dataset<Row> baseline =
        e.join(
                grid,
                sameParty
                    .and(grid.col(Columns.MONTH).geq(e.col(BASELINE_FROM)))
                    .and(grid.col(Columns.MONTH).lt(e.col(Columns.EVENT_MONTH))))
            .groupBy(
                e.col(Columns.EVENT_ID).as("_b_event_id"),
                e.col(Columns.LAB).as("_b_lab"),
                e.col(Columns.PROVIDER).as("_b_provider"),
                e.col(Columns.EVENT_MONTH).as("_b_event_month"),
                grid.col(Columns.STREAM).as("_b_stream"),
                grid.col(Columns.REPORTING_CURRENCY).as("_b_currency"))
            .agg(
                ConvertedSums.sum(col(Columns.BILLED_REVENUE)).as("_b_sum_r"),
                ConvertedSums.sum(col(Columns.LAB_STREAM_TOTAL)).as("_b_sum_t"),
                count(lit(1)).as("_b_months"));

    Dataset<Row> months =
        e.join(grid, sameParty.and(grid.col(Columns.MONTH).geq(e.col(Columns.EVENT_MONTH))))
            .drop("_g_lab", "_g_provider");
    Dataset<Row> withBaseline =
        months
            .join(
                baseline,
                months
                    .col(Columns.EVENT_ID)
                    .equalTo(baseline.col("_b_event_id"))
                    .and(months.col(Columns.LAB).equalTo(baseline.col("_b_lab")))
                    .and(months.col(Columns.PROVIDER).equalTo(baseline.col("_b_provider")))
                    .and(months.col(Columns.EVENT_MONTH).equalTo(baseline.col("_b_event_month")))
                    .and(months.col(Columns.STREAM).equalTo(baseline.col("_b_stream")))
                    .and(
                        months
                            .col(Columns.REPORTING_CURRENCY)
                            .equalTo(baseline.col("_b_currency"))),
                "left")
            .drop(
                "_b_event_id",
                "_b_lab",
                "_b_provider",
                "_b_event_month",
                "_b_stream",
                "_b_currency");

    Dataset<Row> terms =
        afterTheChange(withBaseline, chargesMonthly, events)
            .withColumn(
                RETAINED_OLD,
                UpliftFormulas.retainedFraction(
                    col(Columns.STREAM), col(Columns.OLD_RESALE_SHARE_TO_LAB)))
            .withColumn(
                RETAINED_NEW,
                UpliftFormulas.retainedFraction(
                    col(Columns.STREAM), col(Columns.NEW_RESALE_SHARE_TO_LAB)))
            .withColumn(BASELINE_MONTHS, coalesce(col("_b_months"), lit(0L)).cast("int"))
            .withColumn(
                BASELINE_SHARE, UpliftFormulas.spendWeightedShare(col("_b_sum_r"), col("_b_sum_t")))
            .withColumn(
                BASELINE_STREAM_TOTAL,
                UpliftFormulas.averageMonthlyTotal(col("_b_sum_t"), col(BASELINE_MONTHS)));
    Dataset<Row> levels =
        CounterfactualShares.of(
                terms,
                grid.withColumnRenamed("_g_lab", Columns.LAB)
                    .withColumnRenamed("_g_provider", Columns.PROVIDER),
                events,
                baselineMonths,
                trendMonths)
            .withColumn(
                NET_ACTUAL,
                UpliftFormulas.netActual(col(Columns.BILLED_REVENUE), col(RETAINED_NEW)))
            .withColumn(
                NET_COUNTERFACTUAL,
                UpliftFormulas.netCounterfactual(
                    col(COUNTERFACTUAL_SHARE), col(Columns.LAB_STREAM_TOTAL), col(RETAINED_OLD)))
            .withColumn(
                NET_PRE_EVENT,
                UpliftFormulas.netPreEvent(
                    col(COUNTERFACTUAL_SHARE),
                    col(BASELINE_STREAM_TOTAL),
                    col(RETAINED_OLD),
                    col(MONTH_FRACTION_AFTER)))
            .withColumn(
                "_actual_at_old_terms",
                UpliftFormulas.actualAtOldTerms(col(Columns.BILLED_REVENUE), col(RETAINED_OLD)));
    return levels
        .withColumn(UPLIFT, UpliftFormulas.uplift(col(NET_ACTUAL), col(NET_COUNTERFACTUAL)))
        .withColumn(
            VOLUME_EFFECT, UpliftFormulas.volumeEffect(col(NET_COUNTERFACTUAL), col(NET_PRE_EVENT)))
        .withColumn(
            SHARE_EFFECT,
            UpliftFormulas.shareEffect(col("_actual_at_old_terms"), col(NET_COUNTERFACTUAL)))
        .withColumn(
            MARGIN_EFFECT,
            UpliftFormulas.marginEffect(
                col(NET_ACTUAL), col("_actual_at_old_terms"), col(NET_COUNTERFACTUAL)))
        .withColumn(
            Columns.BREAK_EVEN_SHARE,
            UpliftFormulas.breakEvenShare(
                col(COUNTERFACTUAL_SHARE), col(RETAINED_OLD), col(RETAINED_NEW)))
        .drop("_b_sum_r", "_b_sum_t", "_b_months", "_actual_at_old_terms");
  }

  /**
   * The event month's R, T and s replaced by those of its part after the change
   * (docs/methodology.md#terms-by-the-instant), and f, the fraction of the month after it, added;
   * later months are whole (f = 1).
   */
  private static Dataset<Row> afterTheChange(
      Dataset<Row> rows, Dataset<Row> chargesMonthly, Dataset<Row> events) {
    Dataset<Row> perProvider = EventMonthSplit.perProvider(chargesMonthly, events);
    List<String> eventStream =
        List.of(Columns.LAB, Columns.PROVIDER, Columns.EVENT_MONTH, Columns.STREAM);
    Dataset<Row> own =
        perProvider
            .where(col(EventMonthSplit.SPLIT_PROVIDER).equalTo(col(Columns.PROVIDER)))
            .drop(EventMonthSplit.SPLIT_PROVIDER)
            .withColumn("_own_found", lit(true));
    Dataset<Row> totals = EventMonthSplit.totals(perProvider).withColumn("_total_found", lit(true));
    Column split =
        col(Columns.MONTH)
            .equalTo(col(Columns.EVENT_MONTH))
            .and(dayofmonth(col(Columns.EFFECTIVE_FROM)).notEqual(1));
    // A provider (or a lab) without charges in the event month has 0 after the change; a charge
    // without a rate keeps its null.
    Column zero = lit(BigDecimal.ZERO).cast(ExactDecimal.MONEY);
    Column revenueAfter =
        when(col("_own_found").isNull(), zero).otherwise(col(EventMonthSplit.REVENUE_AFTER));
    Column totalAfter =
        when(col("_total_found").isNull(), zero).otherwise(col(EventMonthSplit.TOTAL_AFTER));
    return rows.join(own, Joins.using(eventStream), "left")
        .join(totals, Joins.using(eventStream), "left")
        .withColumn(
            Columns.BILLED_REVENUE,
            when(split, revenueAfter).otherwise(col(Columns.BILLED_REVENUE)))
        .withColumn(
            Columns.LAB_STREAM_TOTAL,
            when(split, totalAfter).otherwise(col(Columns.LAB_STREAM_TOTAL)))
        .withColumn(
            Columns.SHARE,
            when(
                    split,
                    UpliftFormulas.spendWeightedShare(
                        col(Columns.BILLED_REVENUE), col(Columns.LAB_STREAM_TOTAL)))
                .otherwise(col(Columns.SHARE)))
        .withColumn(
            MONTH_FRACTION_AFTER,
            EventMonthSplit.fractionAfter(
                col(Columns.EFFECTIVE_FROM), col(Columns.EVENT_MONTH), col(Columns.MONTH)))
        .drop(
            EventMonthSplit.REVENUE_AFTER,
            EventMonthSplit.TOTAL_AFTER,
            "_own_found",
            "_total_found");
  }
}
