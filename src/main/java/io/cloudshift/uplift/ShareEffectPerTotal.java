package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.COUNTERFACTUAL_SHARE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.UpliftMonthlyTable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * ε, the share effect per unit of stream total of docs/methodology.md#intervals, of an event or a
 * placebo over its months: one aggregation for both, so the event and its placebos are measured
 * alike.
 */
final class ShareEffectPerTotal {
  /** ε = Σ (s − s_cf)·T / Σ T; null when a month has no s_cf or Σ T ≤ 0. */
  static final String EFFECT = "_effect_per_total";

  /** The number of months behind ε. */
  static final String MONTHS = "_effect_months";

  /** The columns of one event (or placebo: event_month = d′) × stream × model. */
  static final List<String> EVENT_STREAM_MODEL =
      List.of(
          Columns.LAB,
          Columns.PROVIDER,
          Columns.EVENT_MONTH,
          Columns.STREAM,
          UpliftMonthlyTable.MODEL,
          Columns.REPORTING_CURRENCY);

  private ShareEffectPerTotal() {}

  /**
   * @param rows monthly rows with R, T and {@code counterfactual_share}
   * @param keys the columns of one event (or placebo) × stream × model
   * @return the keys, {@link #EFFECT} and {@link #MONTHS}
   */
  static Dataset<Row> of(Dataset<Row> rows, List<String> keys) {
    Column gap =
        UpliftFormulas.shareGap(
            col(Columns.BILLED_REVENUE), col(COUNTERFACTUAL_SHARE), col(Columns.LAB_STREAM_TOTAL));
    return rows.groupBy(keys.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            UpliftFormulas.shareEffectPerTotal(
                    ConvertedSums.sum(gap), ConvertedSums.sum(col(Columns.LAB_STREAM_TOTAL)))
                .as(EFFECT),
            count(lit(1)).cast("int").as(MONTHS));
  }
}
