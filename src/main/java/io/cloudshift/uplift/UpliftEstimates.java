package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftEstimatesTable.EVENT_EFFECT_MONTHS;
import static io.cloudshift.schema.UpliftEstimatesTable.EVENT_EFFECT_PER_TOTAL;
import static io.cloudshift.schema.UpliftEstimatesTable.HORIZON;
import static io.cloudshift.schema.UpliftEstimatesTable.HORIZON_CUMULATIVE;
import static io.cloudshift.schema.UpliftEstimatesTable.HORIZON_QUARTER;
import static io.cloudshift.schema.UpliftEstimatesTable.INTERVAL_NOTE;
import static io.cloudshift.schema.UpliftEstimatesTable.MONTHS_IN_HORIZON;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_MONTHS;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_P05;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_P95;
import static io.cloudshift.schema.UpliftEstimatesTable.UPLIFT_HIGH;
import static io.cloudshift.schema.UpliftEstimatesTable.UPLIFT_LOW;
import static io.cloudshift.schema.UpliftMonthlyTable.INBOUND;
import static io.cloudshift.schema.UpliftMonthlyTable.MARGIN_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.MODEL;
import static io.cloudshift.schema.UpliftMonthlyTable.MONTHS_AFTER_EVENT;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_OLD;
import static io.cloudshift.schema.UpliftMonthlyTable.SHARE_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.UPLIFT;
import static io.cloudshift.schema.UpliftQuarterlyTable.FIRST_MONTH;
import static io.cloudshift.schema.UpliftQuarterlyTable.LAST_MONTH;
import static io.cloudshift.schema.UpliftQuarterlyTable.MONTHS_IN_QUARTER;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.io.SmallFrames;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Joins;
import io.cloudshift.schema.UpliftEstimatesTable;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code uplift_estimates} (docs/methodology.md#intervals), a pure transformation: the uplift of
 * each event × stream × model over each quarter and each cumulative horizon, with the 90 % interval
 * and p-value from placebo events in time ({@link PlaceboEffects}, {@link PlaceboIntervals}).
 *
 * <p>The interval bounds the share effect: over a horizon with stream total ΣT it lies in [share −
 * ε₉₅·ΣT·g0, share − ε₅·ΣT·g0]; the margin effect is arithmetic on observed revenue, so U's bounds
 * are the margin effect plus those. Inbound rows carry U without an interval (no share effect).
 */
public final class UpliftEstimates {
  private UpliftEstimates() {}

  /**
   * @param upliftMonthly {@code uplift_monthly}'s rows, for the event's own effect over its first h
   *     months
   * @param upliftQuarterly {@code uplift_quarterly}'s rows, the quarter horizons
   * @param labProviderMonthly {@code lab_provider_monthly}, where the placebos are taken
   * @param partnershipTerms the silver {@code partnership_terms}: a lab that changed terms has no
   *     placebo around the change, nor is it a control
   * @param placeboMonths h ({@code windows.placebo-months})
   */
  public static Dataset<Row> of(
      Dataset<Row> upliftMonthly,
      Dataset<Row> upliftQuarterly,
      Dataset<Row> labProviderMonthly,
      Dataset<Row> partnershipTerms,
      int baselineMonths,
      int trendMonths,
      int placeboMonths) {
    Dataset<Row> placebos =
        PlaceboEffects.of(
            SmallFrames.computedOnce(EventWindows.streamGrid(labProviderMonthly)),
            SmallFrames.computedOnce(UpliftEvents.of(partnershipTerms)),
            baselineMonths,
            trendMonths,
            placeboMonths);
    Dataset<Row> streamRows = upliftMonthly.where(col(Columns.STREAM).notEqual(INBOUND));
    // An event before the data has no first months: it keeps its row, with a null effect.
    Dataset<Row> eventEffects =
        streamRows
            .select(
                ShareEffectPerTotal.EVENT_STREAM_MODEL.stream()
                    .map(c -> col(c))
                    .toArray(Column[]::new))
            .distinct()
            .join(
                ShareEffectPerTotal.of(
                    streamRows.where(col(MONTHS_AFTER_EVENT).lt(placeboMonths)),
                    ShareEffectPerTotal.EVENT_STREAM_MODEL),
                Joins.using(ShareEffectPerTotal.EVENT_STREAM_MODEL),
                "left")
            .withColumnRenamed(ShareEffectPerTotal.EFFECT, EVENT_EFFECT_PER_TOTAL)
            .withColumn(
                EVENT_EFFECT_MONTHS, coalesce(col(ShareEffectPerTotal.MONTHS), lit(0)).cast("int"))
            .drop(ShareEffectPerTotal.MONTHS);
    Dataset<Row> intervals = PlaceboIntervals.of(eventEffects, placebos);
    return withBounds(horizons(upliftQuarterly), intervals, placeboMonths);
  }

  /** The quarters of {@code uplift_quarterly} and, per quarter, every month from d through it. */
  static Dataset<Row> horizons(Dataset<Row> upliftQuarterly) {
    List<String> kept =
        Stream.concat(
                Stream.of(Columns.EVENT_ID, Columns.EFFECTIVE_FROM, RETAINED_OLD),
                Stream.concat(
                    ShareEffectPerTotal.EVENT_STREAM_MODEL.stream(),
                    Stream.of(
                        Columns.QUARTER_BASIS,
                        Columns.QUARTER_LABEL,
                        Columns.QUARTER_YEAR,
                        Columns.QUARTER_NUMBER,
                        Columns.QUARTER_START,
                        Columns.QUARTER_END,
                        LAST_MONTH)))
            .toList();
    Dataset<Row> quarters =
        upliftQuarterly.select(
            Stream.concat(
                    kept.stream().map(c -> col(c)),
                    Stream.of(
                        lit(HORIZON_QUARTER).as(HORIZON),
                        col(FIRST_MONTH),
                        col(MONTHS_IN_QUARTER).as(MONTHS_IN_HORIZON),
                        col(Columns.LAB_STREAM_TOTAL),
                        col(SHARE_EFFECT),
                        col(MARGIN_EFFECT),
                        col(UPLIFT)))
                .toArray(Column[]::new));
    WindowSpec toDate =
        Window.partitionBy(
                col(Columns.EVENT_ID),
                col(Columns.STREAM),
                col(MODEL),
                col(Columns.REPORTING_CURRENCY),
                col(Columns.QUARTER_BASIS))
            .orderBy(col(Columns.QUARTER_START))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> cumulative =
        quarters.select(
            Stream.concat(
                    kept.stream().map(c -> col(c)),
                    Stream.of(
                        lit(HORIZON_CUMULATIVE).as(HORIZON),
                        min(col(FIRST_MONTH)).over(toDate).as(FIRST_MONTH),
                        sum(col(MONTHS_IN_HORIZON)).over(toDate).cast("int").as(MONTHS_IN_HORIZON),
                        ConvertedSums.sum(col(Columns.LAB_STREAM_TOTAL), toDate)
                            .as(Columns.LAB_STREAM_TOTAL),
                        ConvertedSums.sum(col(SHARE_EFFECT), toDate).as(SHARE_EFFECT),
                        ConvertedSums.sum(col(MARGIN_EFFECT), toDate).as(MARGIN_EFFECT),
                        ConvertedSums.sum(col(UPLIFT), toDate).as(UPLIFT)))
                .toArray(Column[]::new));
    return quarters.unionByName(cumulative);
  }

  private static Dataset<Row> withBounds(
      Dataset<Row> horizons, Dataset<Row> intervals, int placeboMonths) {
    Column inbound = col(Columns.STREAM).equalTo(INBOUND);
    Dataset<Row> rows =
        horizons
            .join(intervals, Joins.using(ShareEffectPerTotal.EVENT_STREAM_MODEL), "left")
            .withColumn(PLACEBO_MONTHS, lit(placeboMonths))
            .withColumn(
                UPLIFT_LOW,
                UpliftFormulas.upliftBound(
                    col(UPLIFT),
                    col(PLACEBO_P95),
                    col(Columns.LAB_STREAM_TOTAL),
                    col(RETAINED_OLD)))
            .withColumn(
                UPLIFT_HIGH,
                UpliftFormulas.upliftBound(
                    col(UPLIFT),
                    col(PLACEBO_P05),
                    col(Columns.LAB_STREAM_TOTAL),
                    col(RETAINED_OLD)))
            .withColumn(
                INTERVAL_NOTE,
                when(
                        inbound,
                        lit(
                            "inbound share: no share effect, so no placebo interval; U is exact"
                                + " given the lab's revenue and the terms"))
                    .otherwise(col(INTERVAL_NOTE)));
    return UpliftEstimatesTable.SPEC.conform(rows);
  }
}
