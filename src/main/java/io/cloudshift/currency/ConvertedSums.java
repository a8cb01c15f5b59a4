package io.cloudshift.currency;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Sums of reporting-currency amounts (docs/methodology.md#currencies). Spark's {@code sum} skips
 * nulls, so a total over a provider whose charges found no reference rate would silently leave them
 * out and every share beside it would be too large. These sums are null as soon as one part is
 * null: a missing rate gives a missing total, never a partial one.
 */
public final class ConvertedSums {
  private ConvertedSums() {}

  /** Σ amount over a group; null when any row of the group has a null amount. */
  public static Column sum(Column amount) {
    return when(
        count(when(amount.isNull(), lit(1))).equalTo(0),
        org.apache.spark.sql.functions.sum(amount));
  }

  /**
   * Σ amount over the rows of a group that meet {@code condition}; null when no row meets it, or
   * when one that does has a null amount.
   */
  public static Column sumWhere(Column condition, Column amount) {
    return when(
        count(when(condition.and(amount.isNull()), lit(1))).equalTo(0),
        org.apache.spark.sql.functions.sum(when(condition, amount)));
  }

  /** Σ amount over a window; null when any row of the window has a null amount. */
  public static Column sum(Column amount, WindowSpec window) {
    return when(
        count(when(amount.isNull(), lit(1))).over(window).equalTo(0),
        org.apache.spark.sql.functions.sum(amount).over(window));
  }
}
