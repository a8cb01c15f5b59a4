package io.cloudshift.uplift;

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
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.io.SmallFrames;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Joins;
import io.cloudshift.terms.EventMonthSplit;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The compute and resale rows of {@code uplift_monthly}: for each event × stream in which the
 * provider appears in the lab's {@code lab_provider_monthly} grid, one row per grid month m ≥ d and
 * counterfactual model ({@link CounterfactualShares}), over the baseline of {@link EventWindows}
 * (an event in the first month of data has 0 baseline months). Without s0 every counterfactual
 * column is null; N_act stays.
 */
final class StreamUplift {
  private StreamUplift() {}

  static Dataset<Row> of(
      Dataset<Row> labProviderMonthly,
      Dataset<Row> chargesMonthly,
      Dataset<Row> events,
      int baselineMonths,
      int trendMonths) {
    Dataset<Row> grid = SmallFrames.computedOnce(EventWindows.streamGrid(labProviderMonthly));
    Dataset<Row> terms =
        SmallFrames.computedOnce(
            afterTheChange(
                    EventWindows.of(grid, events, baselineMonths, OptionalInt.empty()),
                    chargesMonthly,
                    events)
                .withColumn(
                    RETAINED_OLD,
                    UpliftFormulas.retainedFraction(
                        col(Columns.STREAM), col(Columns.OLD_RESALE_SHARE_TO_LAB)))
                .withColumn(
                    RETAINED_NEW,
                    UpliftFormulas.retainedFraction(
                        col(Columns.STREAM), col(Columns.NEW_RESALE_SHARE_TO_LAB))));
    Dataset<Row> levels =
        CounterfactualShares.of(terms, grid, events, baselineMonths, trendMonths)
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
        .drop("_actual_at_old_terms");
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
