package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_MONTHS;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.cloudshift.io.SmallFrames;
import io.cloudshift.schema.Columns;
import java.util.OptionalInt;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Placebo events in time (docs/methodology.md#intervals): the estimator of every model applied at
 * every month d′ of every lab × provider × stream where nothing changed, all of them at once (one
 * set of joins, no job per placebo).
 *
 * <p>A month d′ of the grid is a placebo when the data holds its full windows (the w0 baseline
 * months [d′ − w0, d′) and the h months [d′, d′ + h), each with a row of the pair and stream) and
 * the lab had no terms change with any provider in [d′ − w0, d′ + h). Its effect is ε over the h
 * months, per model; a model without a counterfactual share in one of them gives no placebo.
 */
final class PlaceboEffects {
  private PlaceboEffects() {}

  /**
   * @param grid {@link EventWindows#streamGrid}
   * @param changes every terms change (lab, event_month), of any provider
   * @return per placebo (lab, provider, event_month = d′) × stream × model × currency: {@link
   *     ShareEffectPerTotal#EFFECT}, never null
   */
  static Dataset<Row> of(
      Dataset<Row> grid,
      Dataset<Row> changes,
      int baselineMonths,
      int trendMonths,
      int horizonMonths) {
    Column d = col(Columns.EVENT_MONTH);
    Dataset<Row> dataRange =
        grid.agg(min(col(Columns.MONTH)).as("_first"), max(col(Columns.MONTH)).as("_last"));
    Dataset<Row> candidates =
        grid.select(
                col(Columns.LAB), col(Columns.PROVIDER), col(Columns.MONTH).as(Columns.EVENT_MONTH))
            .distinct()
            .crossJoin(dataRange)
            .where(
                add_months(d, -baselineMonths)
                    .geq(col("_first"))
                    .and(add_months(d, horizonMonths - 1).leq(col("_last"))))
            .drop("_first", "_last");
    Dataset<Row> quiet =
        candidates.join(
            changes.select(col(Columns.LAB).as("_x_lab"), col(Columns.EVENT_MONTH).as("_x_month")),
            col(Columns.LAB)
                .equalTo(col("_x_lab"))
                .and(col("_x_month").geq(add_months(d, -baselineMonths)))
                .and(col("_x_month").lt(add_months(d, horizonMonths))),
            "left_anti");
    Dataset<Row> fullWindows =
        SmallFrames.computedOnce(
            EventWindows.of(grid, quiet, baselineMonths, OptionalInt.of(horizonMonths))
                .where(col(BASELINE_MONTHS).equalTo(baselineMonths))
                .withColumn(
                    "_horizon_months",
                    count(lit(1))
                        .over(
                            Window.partitionBy(
                                col(Columns.LAB),
                                col(Columns.PROVIDER),
                                d,
                                col(Columns.STREAM),
                                col(Columns.REPORTING_CURRENCY))))
                .where(col("_horizon_months").equalTo(horizonMonths))
                .drop("_horizon_months"));
    Dataset<Row> modelled =
        CounterfactualShares.of(fullWindows, grid, changes, baselineMonths, trendMonths);
    return ShareEffectPerTotal.of(modelled, ShareEffectPerTotal.EVENT_STREAM_MODEL)
        .where(col(ShareEffectPerTotal.EFFECT).isNotNull())
        .drop(ShareEffectPerTotal.MONTHS);
  }
}
