package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_FROM;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_MONTHS;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_SHARE;
import static io.cloudshift.schema.UpliftMonthlyTable.BASELINE_STREAM_TOTAL;
import static io.cloudshift.schema.UpliftMonthlyTable.CAP_REMAINING;
import static io.cloudshift.schema.UpliftMonthlyTable.EVENT_COLUMN_NAMES;
import static io.cloudshift.schema.UpliftMonthlyTable.MARGIN_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_ACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_COUNTERFACTUAL;
import static io.cloudshift.schema.UpliftMonthlyTable.NET_PRE_EVENT;
import static io.cloudshift.schema.UpliftMonthlyTable.OLD_CAP_REMAINING;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_NEW;
import static io.cloudshift.schema.UpliftMonthlyTable.RETAINED_OLD;
import static io.cloudshift.schema.UpliftMonthlyTable.SHARE_EFFECT;
import static io.cloudshift.schema.UpliftMonthlyTable.UPLIFT;
import static io.cloudshift.schema.UpliftMonthlyTable.VOLUME_EFFECT;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.QuarterBasis;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.schema.UpliftQuarterlyTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code uplift_quarterly} from {@code uplift_monthly} (docs/methodology.md#quarters Quarterly rows
 * sum the monthly rows"), a pure transformation: per event × stream × currency × quarter, in
 * calendar quarters and in the provider's fiscal quarters.
 *
 * <ul>
 *   <li>Money columns are exact decimal sums of the monthly rows; a quarter in which any month is
 *       null for a column is null for it (an unknown month makes the quarter's total unknown,
 *       rather than quietly understating it).
 *   <li>share = Σ R / Σ T (null when Σ T ≤ 0); last_month_share is s of the quarter's last month.
 *   <li>Event constants (terms, g0, g1, baseline, s*) are repeated; cap_remaining is the value
 *       after the quarter's last month.
 * </ul>
 */
public final class UpliftQuarterly {
  private static final List<String> SUMMED =
      List.of(
          Columns.BILLED_REVENUE,
          Columns.LAB_STREAM_TOTAL,
          NET_ACTUAL,
          NET_COUNTERFACTUAL,
          UPLIFT,
          NET_PRE_EVENT,
          VOLUME_EFFECT,
          SHARE_EFFECT,
          MARGIN_EFFECT,
          Columns.LAB_REVENUE_USD);
  private static final List<String> QUARTER_KEYS =
      List.of(
          Columns.QUARTER_BASIS,
          Columns.QUARTER_LABEL,
          Columns.QUARTER_YEAR,
          Columns.QUARTER_NUMBER,
          Columns.QUARTER_START,
          Columns.QUARTER_END);

  private UpliftQuarterly() {}

  public static Dataset<Row> of(Dataset<Row> upliftMonthly, Collection<ProviderConfig> providers) {
    Column m = col(Columns.MONTH);
    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers);
    Dataset<Row> calendar =
        upliftMonthly.select(
            QuarterColumns.with(
                upliftMonthly, QuarterColumns.quarterOf(QuarterBasis.CALENDAR, m, fiscalStart)));
    Dataset<Row> fiscal =
        upliftMonthly.select(
            QuarterColumns.with(
                upliftMonthly, QuarterColumns.quarterOf(QuarterBasis.FISCAL, m, fiscalStart)));

    // Grouped by the event's constants too: they are constant per event x stream x currency.
    List<Column> keys = new ArrayList<>();
    EVENT_COLUMN_NAMES.forEach(c -> keys.add(col(c)));
    keys.add(col(Columns.STREAM));
    keys.add(col(UpliftMonthlyTable.MODEL));
    keys.add(col(Columns.REPORTING_CURRENCY));
    QUARTER_KEYS.forEach(k -> keys.add(col(k)));
    Stream.of(
            RETAINED_OLD,
            RETAINED_NEW,
            BASELINE_FROM,
            BASELINE_MONTHS,
            BASELINE_SHARE,
            BASELINE_STREAM_TOTAL)
        .forEach(k -> keys.add(col(k)));

    List<Column> aggregates = new ArrayList<>();
    aggregates.add(min(m).as(UpliftQuarterlyTable.FIRST_MONTH));
    aggregates.add(max(m).as(UpliftQuarterlyTable.LAST_MONTH));
    aggregates.add(count(lit(1)).as(UpliftQuarterlyTable.MONTHS_IN_QUARTER));
    SUMMED.forEach(c -> aggregates.add(strictSum(c).as(c)));
    aggregates.add(max_by(col(Columns.SHARE), m).as(UpliftQuarterlyTable.LAST_MONTH_SHARE));
    aggregates.add(max_by(col(Columns.BREAK_EVEN_SHARE), m).as(Columns.BREAK_EVEN_SHARE));
    aggregates.add(max_by(col(CAP_REMAINING), m).as(CAP_REMAINING));
    aggregates.add(max_by(col(OLD_CAP_REMAINING), m).as(OLD_CAP_REMAINING));

    Dataset<Row> summed =
        calendar
            .unionByName(fiscal)
            .groupBy(keys.toArray(Column[]::new))
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
            .withColumn(
                Columns.SHARE,
                UpliftFormulas.spendWeightedShare(
                    col(Columns.BILLED_REVENUE), col(Columns.LAB_STREAM_TOTAL)));
    return UpliftQuarterlyTable.SPEC.conform(summed);
  }

  /** Σ of a money column, exact (decimal), or null when any month of the group is null. */
  private static Column strictSum(String column) {
    return when(count(col(column)).equalTo(count(lit(1))), sum(col(column)));
  }
}
