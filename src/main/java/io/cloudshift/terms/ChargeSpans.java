package io.cloudshift.terms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.ExactDecimal;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/**
 * A charge's amount apportioned to a span of time by the fraction of its charge period that falls
 * in it (docs/methodology.md#terms-by-the-instant). Terms versions and events start and end at
 * 00:00 UTC of their dates, so a daily charge falls wholly on one side of a change and a monthly
 * subscription is split pro rata by time. A charge without a usable period (no start, no end, or an
 * end not after its start) goes wholly to the span holding its start, else its billing month's
 * first instant. The session time zone is UTC (dates become timestamps at 00:00 UTC).
 */
public final class ChargeSpans {
  private ChargeSpans() {}

  /**
   * The part of {@code amount} whose charge period [{@code periodStart}, {@code periodEnd}) falls
   * in [{@code from}, {@code to}), rounded half-even to the money scale; {@code to} null: no end.
   * {@code from} and {@code to} are dates or timestamps; {@code month} is the billing month.
   */
  public static Column apportion(
      Column amount, Column periodStart, Column periodEnd, Column month, Column from, Column to) {
    Column start = periodStart.cast("timestamp").cast("long");
    Column end = periodEnd.cast("timestamp").cast("long");
    Column spanFrom = from.cast("timestamp").cast("long");
    Column spanTo = to.cast("timestamp").cast("long");
    Column usable = start.isNotNull().and(end.isNotNull()).and(end.gt(start));
    Column overlap =
        greatest(coalesce(least(end, spanTo), end).minus(greatest(start, spanFrom)), lit(0L));
    Column anchor = coalesce(start, month.cast("timestamp").cast("long"));
    Column anchorInside = anchor.geq(spanFrom).and(spanTo.isNull().or(anchor.lt(spanTo)));
    Column zero = lit(BigDecimal.ZERO).cast(ExactDecimal.MONEY);
    return when(
            usable,
            ExactDecimal.timesDivide(
                amount,
                overlap.cast("decimal(20,0)"),
                end.minus(start).cast("decimal(20,0)"),
                ExactDecimal.MONEY))
        .when(anchorInside, amount.cast(ExactDecimal.MONEY))
        .when(amount.isNotNull(), zero)
        .cast(ExactDecimal.MONEY);
  }

  /**
   * The fraction of month {@code month} (first day) from {@code instant} (a date in it, 00:00 UTC)
   * to its end: 1 on the first day, 4/30 from 27 April.
   */
  public static Column fractionOfMonthFrom(Column instant, Column month) {
    Column daysInMonth = dayofmonth(last_day(month));
    Column daysFrom = daysInMonth.minus(dayofmonth(instant)).plus(1);
    return ExactDecimal.divide(
        daysFrom.cast("decimal(10,0)"), daysInMonth.cast("decimal(10,0)"), ExactDecimal.FRACTION);
  }
}
