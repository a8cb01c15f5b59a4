package io.cloudshift.terms;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The part of an event month after the change (docs/methodology.md#terms-by-the-instant). A terms
 * change of (L, P) takes effect at 00:00 UTC of its effective_from, inside its month d: the
 * post-event figures of d are those of [t_e, end of d) only, and the part before t_e belongs to no
 * window. For each change not on the first of a month, each stream and each provider Q at which L
 * has charges in d: R after t_e = Σ of L's reporting-currency charges at Q in d apportioned by
 * their charge periods ({@link ChargeSpans}). Changes on the first of a month have no rows: all of
 * d is after them.
 */
public final class EventMonthSplit {
  /** The provider Q whose revenue is split (the event's provider is {@code provider}). */
  public static final String SPLIT_PROVIDER = "_split_provider";

  /** R of the lab at Q in the stream after t_e (reporting currency). */
  public static final String REVENUE_AFTER = "_revenue_after_change";

  /** T after t_e: Σ over the lab's providers of {@link #REVENUE_AFTER}. */
  public static final String TOTAL_AFTER = "_stream_total_after_change";

  private EventMonthSplit() {}

  /**
   * Per event (lab, provider, event_month) × stream × Q: {@link #REVENUE_AFTER}. {@code events} has
   * the columns of {@link TermEvents#of}; {@code chargesMonthly} is the {@code charges_monthly}
   * table.
   */
  public static Dataset<Row> perProvider(Dataset<Row> chargesMonthly, Dataset<Row> events) {
    Dataset<Row> split =
        events
            .where(dayofmonth(col(Columns.EFFECTIVE_FROM)).notEqual(1))
            .select(
                col(Columns.LAB).as("_e_lab"),
                col(Columns.PROVIDER).as("_e_provider"),
                col(Columns.EVENT_MONTH).as("_e_month"),
                col(Columns.EFFECTIVE_FROM).as("_e_from"))
            .distinct();
    Dataset<Row> charges =
        chargesMonthly.where(
            col(Columns.LAB)
                .isNotNull()
                .and(col(Columns.STREAM).isin(Stream.COMPUTE.value(), Stream.RESALE.value())));
    Column after =
        ChargeSpans.apportion(
            col(Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX),
            col(ChargeColumns.CHARGE_PERIOD_START),
            col(ChargeColumns.CHARGE_PERIOD_END),
            col(Columns.MONTH),
            col("_e_from"),
            lit(null));
    return charges
        .join(
            broadcast(split),
            col(Columns.LAB)
                .equalTo(col("_e_lab"))
                .and(col(Columns.MONTH).equalTo(col("_e_month"))))
        .groupBy(
            col("_e_lab").as(Columns.LAB),
            col("_e_provider").as(Columns.PROVIDER),
            col("_e_month").as(Columns.EVENT_MONTH),
            col(Columns.STREAM).as(Columns.STREAM),
            col(Columns.PROVIDER).as(SPLIT_PROVIDER))
        .agg(ConvertedSums.sum(after).as(REVENUE_AFTER));
  }

  /** Per event × stream: {@link #TOTAL_AFTER}, from {@link #perProvider}'s rows. */
  public static Dataset<Row> totals(Dataset<Row> perProvider) {
    return perProvider
        .groupBy(
            col(Columns.LAB).as(Columns.LAB),
            col(Columns.PROVIDER).as(Columns.PROVIDER),
            col(Columns.EVENT_MONTH).as(Columns.EVENT_MONTH),
            col(Columns.STREAM).as(Columns.STREAM))
        .agg(ConvertedSums.sum(col(REVENUE_AFTER)).as(TOTAL_AFTER));
  }

  /**
   * f, the fraction of the event month from the change on: 1 for a change on the first, 4/30 for 27
   * April; 1 for any month after the event month.
   */
  public static Column fractionAfter(Column effectiveFrom, Column eventMonth, Column month) {
    return when(
            month.equalTo(eventMonth), ChargeSpans.fractionOfMonthFrom(effectiveFrom, eventMonth))
        .otherwise(lit(BigDecimal.ONE).cast(ExactDecimal.FRACTION));
  }
}
