package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.CONTROL_LABS;
import static io.cloudshift.schema.UpliftMonthlyTable.COUNTERFACTUAL_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.MODEL;
import static io.cloudshift.schema.UpliftMonthlyTable.MODEL_NOTE;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.CounterfactualModel;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Joins;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The counterfactual share s_cf(m) of each model (docs/methodology.md#counterfactual-models): what
 * P's share of the lab's stream would have been had the terms not changed.
 *
 * <ul>
 *   <li>{@code frozen}: s0, the baseline share.
 *   <li>{@code trend}: the least-squares line through the monthly shares of the pre-event months [d
 *       − w_t, d) with T > 0 (at least {@value UpliftFormulas#TREND_MIN_MONTHS}), at m counted in
 *       months from d, extended at most w_t months and held flat after, clipped to [0, 1].
 *   <li>{@code control}: s0 + Δc(m), clipped to [0, 1], where Δc(m) is the change from the baseline
 *       window to m of P's spend-weighted share of the stream among control labs: other labs with
 *       spend at P in the stream over the baseline whose terms with every provider did not change
 *       in [d − w0, m]. The event month counts whole for the control labs.
 * </ul>
 *
 * Each row of the input comes out once per model, with {@code counterfactual_share}, {@code
 * control_labs} (control rows) and {@code model_note} saying why a model has no share.
 */
final class CounterfactualShares {
  private static final String FROZEN = CounterfactualModel.FROZEN.value();
  private static final String TREND = CounterfactualModel.TREND.value();
  private static final String CONTROL = CounterfactualModel.CONTROL.value();

  private static final List<String> EVENT_STREAM =
      List.of(Columns.LAB, Columns.PROVIDER, Columns.EVENT_MONTH, Columns.STREAM);

  private CounterfactualShares() {}

  /**
   * @param rows one per event × stream × month m ≥ d, with the event's lab, provider and
   *     event_month, the stream, month and {@code baseline_share}
   * @param grid {@code lab_provider_monthly}'s compute and resale rows (lab, provider, stream,
   *     month, R, T, s)
   * @param events every terms change (lab, event_month), of any provider: a lab that changed terms
   *     anywhere is no control
   */
  static Dataset<Row> of(
      Dataset<Row> rows,
      Dataset<Row> grid,
      Dataset<Row> events,
      int baselineMonths,
      int trendMonths) {
    Dataset<Row> keys = rows.select(EVENT_STREAM.stream().map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> eventStreams = keys.distinct();
    Dataset<Row> withTrend =
        rows.join(trendLines(eventStreams, grid, trendMonths), Joins.using(EVENT_STREAM), "left");
    Dataset<Row> withControl =
        withTrend.join(
            controlShift(
                eventStreams,
                rows.select(
                        col(Columns.LAB),
                        col(Columns.PROVIDER),
                        col(Columns.EVENT_MONTH),
                        col(Columns.STREAM),
                        col(Columns.MONTH))
                    .distinct(),
                grid,
                events,
                baselineMonths),
            Joins.using(
                List.of(
                    Columns.LAB,
                    Columns.PROVIDER,
                    Columns.EVENT_MONTH,
                    Columns.STREAM,
                    Columns.MONTH)),
            "left");

    Column s0 = col(BASELINE_SHARE);
    Column monthsFromEvent =
        months_between(col(Columns.MONTH), col(Columns.EVENT_MONTH)).cast("int");
    Column trendShare =
        UpliftFormulas.trendShare(col("_trend_points"), monthsFromEvent, trendMonths);
    Column controlShare = UpliftFormulas.controlShare(s0, col("_control_shift"));
    Column controlLabs = col("_control_labs");
    Dataset<Row> models =
        rows.sparkSession()
            .createDataFrame(
                Arrays.stream(CounterfactualModel.values())
                    .map(m -> RowFactory.create(m.value()))
                    .toList(),
                new StructType().add(MODEL, DataTypes.StringType))
            .coalesce(1);
    return withControl
        .crossJoin(models)
        .withColumn(
            COUNTERFACTUAL_SHARE,
            when(col(MODEL).equalTo(FROZEN), s0)
                .when(col(MODEL).equalTo(TREND), trendShare)
                .otherwise(controlShare)
                .cast(ExactDecimal.FRACTION))
        .withColumn(
            CONTROL_LABS,
            when(col(MODEL).equalTo(CONTROL), coalesce(controlLabs, lit(0L))).cast("int"))
        .withColumn(
            MODEL_NOTE,
            when(s0.isNull(), lit("no baseline share (no baseline month, or its total <= 0)"))
                .when(
                    col(MODEL).equalTo(TREND).and(trendShare.isNull()),
                    lit(
                        "fewer than "
                            + UpliftFormulas.TREND_MIN_MONTHS
                            + " of the "
                            + trendMonths
                            + " pre-event months have spend: no trend line"))
                .when(
                    col(MODEL).equalTo(CONTROL).and(controlLabs.isNull()),
                    lit(
                        "no control labs: no other lab with spend at the provider in this stream"
                            + " over the baseline kept its terms with every provider unchanged"
                            + " through this month"))
                .when(
                    col(MODEL).equalTo(CONTROL).and(controlShare.isNull()),
                    lit("the control labs' total is <= 0 in the baseline or in this month")))
        .drop("_trend_points", "_control_shift", "_control_labs");
  }

  /** Per event × stream: the pre-event monthly shares with T > 0, as (months from d, share). */
  private static Dataset<Row> trendLines(
      Dataset<Row> eventStreams, Dataset<Row> grid, int trendMonths) {
    Dataset<Row> g =
        grid.where(col(Columns.SHARE).isNotNull())
            .select(
                col(Columns.LAB).as("_g_lab"),
                col(Columns.PROVIDER).as("_g_provider"),
                col(Columns.STREAM).as("_g_stream"),
                col(Columns.MONTH).as("_g_month"),
                col(Columns.SHARE).as("_g_share"));
    return eventStreams
        .join(
            g,
            col(Columns.LAB)
                .equalTo(col("_g_lab"))
                .and(col(Columns.PROVIDER).equalTo(col("_g_provider")))
                .and(col(Columns.STREAM).equalTo(col("_g_stream")))
                .and(col("_g_month").geq(add_months(col(Columns.EVENT_MONTH), -trendMonths)))
                .and(col("_g_month").lt(col(Columns.EVENT_MONTH))))
        .groupBy(EVENT_STREAM.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            collect_list(
                    struct(
                        months_between(col("_g_month"), col(Columns.EVENT_MONTH))
                            .cast("int")
                            .as("x"),
                        col("_g_share").as("y")))
                .as("_trend_points"));
  }

  /**
   * Per event × stream × month of {@code rowMonths} with at least one control lab: Δc(m) and the
   * number of control labs.
   */
  private static Dataset<Row> controlShift(
      Dataset<Row> eventStreams,
      Dataset<Row> rowMonths,
      Dataset<Row> grid,
      Dataset<Row> events,
      int baselineMonths) {
    Dataset<Row> others =
        grid.select(
            col(Columns.LAB).as("_c_lab"),
            col(Columns.PROVIDER).as("_c_provider"),
            col(Columns.STREAM).as("_c_stream"),
            col(Columns.MONTH).as("_c_month"),
            col(Columns.BILLED_REVENUE).as("_c_r"),
            col(Columns.LAB_STREAM_TOTAL).as("_c_t"));
    Column sameCell =
        col("_c_lab")
            .notEqual(col(Columns.LAB))
            .and(col("_c_provider").equalTo(col(Columns.PROVIDER)))
            .and(col("_c_stream").equalTo(col(Columns.STREAM)));
    Column baselineFrom = add_months(col(Columns.EVENT_MONTH), -baselineMonths);
    // Candidates: other labs with spend at P in the stream over the baseline.
    Dataset<Row> candidates =
        eventStreams
            .join(
                others,
                sameCell
                    .and(col("_c_month").geq(baselineFrom))
                    .and(col("_c_month").lt(col(Columns.EVENT_MONTH))))
            .groupBy(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.EVENT_MONTH),
                col(Columns.STREAM),
                col("_c_lab").as("_control"))
            .agg(
                ConvertedSums.sum(col("_c_r")).as("_base_r"),
                ConvertedSums.sum(col("_c_t")).as("_base_t"))
            .where(col("_base_r").gt(0));
    // A candidate stops being a control from the month of its first terms change in [d − w0, ∞).
    Dataset<Row> changes =
        events.select(col(Columns.LAB).as("_x_lab"), col(Columns.EVENT_MONTH).as("_x_month"));
    Dataset<Row> withFirstChange =
        candidates
            .join(
                changes,
                col("_control")
                    .equalTo(col("_x_lab"))
                    .and(
                        col("_x_month").geq(add_months(col(Columns.EVENT_MONTH), -baselineMonths))),
                "left")
            .groupBy(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.EVENT_MONTH),
                col(Columns.STREAM),
                col("_control"),
                col("_base_r"),
                col("_base_t"))
            .agg(min(col("_x_month")).as("_first_change"));
    Dataset<Row> perMonth =
        withFirstChange
            .join(rowMonths, Joins.using(EVENT_STREAM))
            .join(
                others,
                col("_c_lab")
                    .equalTo(col("_control"))
                    .and(col("_c_provider").equalTo(col(Columns.PROVIDER)))
                    .and(col("_c_stream").equalTo(col(Columns.STREAM)))
                    .and(col("_c_month").equalTo(col(Columns.MONTH)))
                    .and(
                        col("_first_change").isNull().or(col("_first_change").gt(col("_c_month")))))
            .groupBy(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.EVENT_MONTH),
                col(Columns.STREAM),
                col(Columns.MONTH))
            .agg(
                ConvertedSums.sum(col("_c_r")).as("_m_r"),
                ConvertedSums.sum(col("_c_t")).as("_m_t"),
                ConvertedSums.sum(col("_base_r")).as("_b_r"),
                ConvertedSums.sum(col("_base_t")).as("_b_t"),
                count(lit(1)).as("_control_labs"));
    return perMonth
        .withColumn(
            "_control_shift",
            UpliftFormulas.controlShift(col("_m_r"), col("_m_t"), col("_b_r"), col("_b_t")))
        .select(
            col(Columns.LAB),
            col(Columns.PROVIDER),
            col(Columns.EVENT_MONTH),
            col(Columns.STREAM),
            col(Columns.MONTH),
            col("_control_shift"),
            col("_control_labs"));
  }
}
