package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.*;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The compute and resale rows of {@code uplift_monthly}: for each event × stream × currency in which
 * the provider appears in the lab's {@code lab_provider_monthly} grid, one row per grid month m ≥ d.
 *
 * <p>Baseline (SPEC §4, w0 = {@code windows.baseline-months}): the grid months of the same lab,
 * provider, stream and currency inside [d − w0, d) — clipped to the months present in the data, so
 * an event in the first month of data has 0 baseline months. s0 = Σ R / Σ T over them (null when
 * Σ T ≤ 0), T0 = Σ T / n. Without s0 every counterfactual column is null; N_act stays.
 */
final class StreamUplift {
  private StreamUplift() {}

  static Dataset<Row> of(Dataset<Row> labProviderMonthly, Dataset<Row> events, int baselineMonths) {
    Dataset<Row> grid = labProviderMonthly
        .where(col(LabProviderMonthlyTable.STREAM).isin(Stream.COMPUTE.value(), Stream.RESALE.value()))
        .select(
            col(LabProviderMonthlyTable.LAB).as("_g_lab"),
            col(LabProviderMonthlyTable.PROVIDER).as("_g_provider"),
            col(LabProviderMonthlyTable.STREAM).as(STREAM),
            col(LabProviderMonthlyTable.CURRENCY).as(CURRENCY),
            col(LabProviderMonthlyTable.MONTH).as(MONTH),
            col(LabProviderMonthlyTable.BILLED).cast(ExactDecimal.MONEY).as(BILLED),
            col(LabProviderMonthlyTable.STREAM_TOTAL).cast(ExactDecimal.MONEY).as(STREAM_TOTAL),
            col(LabProviderMonthlyTable.SHARE).cast(ExactDecimal.FRACTION).as(SHARE));
    Dataset<Row> e = events.withColumn(BASELINE_FROM, add_months(col(EVENT_MONTH), -baselineMonths));
    Column sameParty = e.col(LAB).equalTo(grid.col("_g_lab")).and(e.col(PROVIDER).equalTo(grid.col("_g_provider")));

    Dataset<Row> baseline = e.join(grid, sameParty
            .and(grid.col(MONTH).geq(e.col(BASELINE_FROM)))
            .and(grid.col(MONTH).lt(e.col(EVENT_MONTH))))
        .groupBy(e.col(EVENT_ID).as("_b_event_id"), e.col(LAB).as("_b_lab"), e.col(PROVIDER).as("_b_provider"),
            e.col(EVENT_MONTH).as("_b_event_month"), grid.col(STREAM).as("_b_stream"), grid.col(CURRENCY).as("_b_currency"))
        .agg(sum(BILLED).as("_b_sum_r"), sum(STREAM_TOTAL).as("_b_sum_t"), count(lit(1)).as("_b_months"));

    Dataset<Row> months = e.join(grid, sameParty.and(grid.col(MONTH).geq(e.col(EVENT_MONTH)))).drop("_g_lab", "_g_provider");
    Dataset<Row> withBaseline = months.join(baseline,
            months.col(EVENT_ID).equalTo(baseline.col("_b_event_id"))
                .and(months.col(LAB).equalTo(baseline.col("_b_lab")))
                .and(months.col(PROVIDER).equalTo(baseline.col("_b_provider")))
                .and(months.col(EVENT_MONTH).equalTo(baseline.col("_b_event_month")))
                .and(months.col(STREAM).equalTo(baseline.col("_b_stream")))
                .and(months.col(CURRENCY).equalTo(baseline.col("_b_currency"))),
            "left")
        .drop("_b_event_id", "_b_lab", "_b_provider", "_b_event_month", "_b_stream", "_b_currency");

    Dataset<Row> terms = withBaseline
        .withColumn(RETAINED_OLD, UpliftFormulas.retainedFraction(col(STREAM), col(OLD_RESALE_SHARE)))
        .withColumn(RETAINED_NEW, UpliftFormulas.retainedFraction(col(STREAM), col(NEW_RESALE_SHARE)))
        .withColumn(BASELINE_MONTHS, coalesce(col("_b_months"), lit(0L)).cast("int"))
        .withColumn(BASELINE_SHARE, UpliftFormulas.spendWeightedShare(col("_b_sum_r"), col("_b_sum_t")))
        .withColumn(BASELINE_STREAM_TOTAL, UpliftFormulas.averageMonthlyTotal(col("_b_sum_t"), col(BASELINE_MONTHS)));
    Dataset<Row> levels = terms
        .withColumn(NET_ACTUAL, UpliftFormulas.netActual(col(BILLED), col(RETAINED_NEW)))
        .withColumn(NET_COUNTERFACTUAL, UpliftFormulas.netCounterfactual(col(BASELINE_SHARE), col(STREAM_TOTAL), col(RETAINED_OLD)))
        .withColumn(NET_PRE_EVENT, UpliftFormulas.netPreEvent(col(BASELINE_SHARE), col(BASELINE_STREAM_TOTAL), col(RETAINED_OLD)))
        .withColumn("_actual_at_old_terms", UpliftFormulas.actualAtOldTerms(col(BILLED), col(RETAINED_OLD)));
    return levels
        .withColumn(UPLIFT, UpliftFormulas.uplift(col(NET_ACTUAL), col(NET_COUNTERFACTUAL)))
        .withColumn(VOLUME_EFFECT, UpliftFormulas.volumeEffect(col(NET_COUNTERFACTUAL), col(NET_PRE_EVENT)))
        .withColumn(SHARE_EFFECT, UpliftFormulas.shareEffect(col("_actual_at_old_terms"), col(NET_COUNTERFACTUAL)))
        .withColumn(MARGIN_EFFECT, UpliftFormulas.marginEffect(col(NET_ACTUAL), col("_actual_at_old_terms"), col(NET_COUNTERFACTUAL)))
        .withColumn(BREAK_EVEN_SHARE, UpliftFormulas.breakEvenShare(col(BASELINE_SHARE), col(RETAINED_OLD), col(RETAINED_NEW)))
        .drop("_b_sum_r", "_b_sum_t", "_b_months", "_actual_at_old_terms");
  }
}
