package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftEstimatesTable.EVENT_EFFECT_MONTHS;
import static io.cloudshift.schema.UpliftEstimatesTable.EVENT_EFFECT_PER_TOTAL;
import static io.cloudshift.schema.UpliftEstimatesTable.INTERVAL_NOTE;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBOS;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_P05;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_P95;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_POOL;
import static io.cloudshift.schema.UpliftEstimatesTable.PLACEBO_P_VALUE;
import static io.cloudshift.schema.UpliftEstimatesTable.POOL_PAIR;
import static io.cloudshift.schema.UpliftEstimatesTable.POOL_STREAM;
import static io.cloudshift.schema.UpliftMonthlyTable.MODEL;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Joins;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The placebo distribution of each event × stream × model (docs/methodology.md#intervals): which
 * placebos it is compared with, their 5th and 95th percentiles and the event's p-value.
 *
 * <ul>
 *   <li>Pool: the pair's own placebos in the stream and model when there are at least {@value
 *       #MIN_PAIR_PLACEBOS}; else every placebo of the stream and model, pooled over its pairs, and
 *       no interval when that pool has fewer than {@value #MIN_POOLED_PLACEBOS}.
 *   <li>Percentiles by nearest rank; p-value = the fraction of the pool with |ε| ≥ the event's |ε|.
 * </ul>
 */
final class PlaceboIntervals {
  static final int MIN_PAIR_PLACEBOS = 10;
  static final int MIN_POOLED_PLACEBOS = 20;

  private PlaceboIntervals() {}

  /**
   * @param eventEffects per event × stream × model: {@link ShareEffectPerTotal#EVENT_STREAM_MODEL},
   *     {@code event_share_effect_per_total} and {@code event_effect_months}
   * @param placeboEffects {@link PlaceboEffects#of}
   * @return the event rows with the pool, the number of placebos, the percentiles, the p-value and
   *     a note when there is no interval
   */
  static Dataset<Row> of(Dataset<Row> eventEffects, Dataset<Row> placeboEffects) {
    Dataset<Row> pairCounts =
        placeboEffects
            .groupBy(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.STREAM),
                col(MODEL),
                col(Columns.REPORTING_CURRENCY))
            .agg(count(lit(1)).as("_pair_placebos"));
    Dataset<Row> withPool =
        eventEffects
            .join(
                pairCounts,
                Joins.using(
                    List.of(
                        Columns.LAB,
                        Columns.PROVIDER,
                        Columns.STREAM,
                        MODEL,
                        Columns.REPORTING_CURRENCY)),
                "left")
            .withColumn(
                PLACEBO_POOL,
                when(
                        coalesce(col("_pair_placebos"), lit(0L)).geq(MIN_PAIR_PLACEBOS),
                        lit(POOL_PAIR))
                    .otherwise(lit(POOL_STREAM)))
            .drop("_pair_placebos");
    Dataset<Row> placebos =
        placeboEffects.select(
            col(Columns.LAB).as("_p_lab"),
            col(Columns.PROVIDER).as("_p_provider"),
            col(Columns.STREAM).as("_p_stream"),
            col(MODEL).as("_p_model"),
            col(Columns.REPORTING_CURRENCY).as("_p_currency"),
            col(ShareEffectPerTotal.EFFECT).as("_p_effect"));
    Column inPool =
        col(Columns.STREAM)
            .equalTo(col("_p_stream"))
            .and(col(MODEL).equalTo(col("_p_model")))
            .and(col(Columns.REPORTING_CURRENCY).equalTo(col("_p_currency")))
            .and(
                col(PLACEBO_POOL)
                    .equalTo(POOL_STREAM)
                    .or(
                        col(Columns.LAB)
                            .equalTo(col("_p_lab"))
                            .and(col(Columns.PROVIDER).equalTo(col("_p_provider")))));
    Column eventEffect = col(EVENT_EFFECT_PER_TOTAL);
    List<Column> keys = new ArrayList<>();
    ShareEffectPerTotal.EVENT_STREAM_MODEL.forEach(k -> keys.add(col(k)));
    keys.add(eventEffect);
    keys.add(col(EVENT_EFFECT_MONTHS));
    keys.add(col(PLACEBO_POOL));
    Dataset<Row> pooled =
        withPool
            .join(placebos, inPool, "left")
            .groupBy(keys.toArray(Column[]::new))
            .agg(
                count(col("_p_effect")).cast("int").as(PLACEBOS),
                sort_array(collect_list(col("_p_effect"))).as("_sorted"),
                count(when(abs(col("_p_effect")).geq(abs(eventEffect)), lit(1))).as("_as_large"));

    Column n = col(PLACEBOS);
    Column enough = col(PLACEBO_POOL).equalTo(POOL_PAIR).or(n.geq(MIN_POOLED_PLACEBOS));
    return pooled
        .withColumn(PLACEBO_P05, when(enough, UpliftFormulas.nearestRank(col("_sorted"), n, 5)))
        .withColumn(PLACEBO_P95, when(enough, UpliftFormulas.nearestRank(col("_sorted"), n, 95)))
        .withColumn(
            PLACEBO_P_VALUE,
            when(
                enough.and(eventEffect.isNotNull()),
                ExactDecimal.divide(
                    col("_as_large").cast("decimal(20,0)"),
                    n.cast("decimal(20,0)"),
                    ExactDecimal.FRACTION)))
        .withColumn(
            INTERVAL_NOTE,
            when(
                    not(enough),
                    concat(
                        lit("only "),
                        n.cast("string"),
                        lit(
                            " placebos in the stream's pool (fewer than "
                                + MIN_POOLED_PLACEBOS
                                + "): no interval, no p-value")))
                .when(
                    eventEffect.isNull(),
                    lit(
                        "no effect of the event to compare: the model has no counterfactual"
                            + " share in one of its first months (uplift_monthly.model_note),"
                            + " or the data holds none of them: no p-value")))
        .drop("_sorted", "_as_large");
  }
}
