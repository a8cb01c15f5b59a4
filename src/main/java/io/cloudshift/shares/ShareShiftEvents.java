package io.cloudshift.shares;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.terms.EventMonthSplit;
import io.cloudshift.terms.TermEvents;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code lab_provider_monthly} + terms-change events ({@link TermEvents}) → {@code
 * share_shift_events} (docs/methodology.md#share-shift Share shift"). For each event of (L, P) in
 * month d, each of L's streams and currencies and each window w:
 *
 * <ul>
 *   <li>s_pre = P's spend-weighted share over the months of [d−w, d), s_post over [d, d+w) ({@link
 *       ShareFormulas#spendWeightedShare}); Δ pp = {@link ShareFormulas#deltaPp}.
 *   <li>Windows are clipped to the months in {@code lab_provider_monthly} (its complete grid spans
 *       the data's first to last month): {@code months_pre}/{@code months_post} count the months
 *       used; an event in the data's first month has months_pre = 0 and a null s_pre.
 *   <li>A provider the lab never used in the stream has R = 0: its share is 0 when the lab spent.
 *   <li>Gainers: every provider of the lab in the stream (P included) whose share over the same
 *       windows rose, by at least {@link #MIN_GAIN_PP} (so it shows as +0.1pp or more), largest
 *       rise first (ties by provider id), at most {@link #MAX_GAINERS}, written {@code "aws +8.9pp,
 *       coreweave +2.1pp"}. A provider with a null share on either side is no gainer.
 *   <li>Rows where the lab has no spend in the stream in either window (every R = 0, or no month of
 *       the windows in the data) are left out.
 * </ul>
 */
public final class ShareShiftEvents {
  /** At most this many providers in {@code gainers}. */
  public static final int MAX_GAINERS = 3;

  /**
   * Smallest rise, in percentage points, that makes a gainer: one that shows as at least +0.1pp. A
   * smaller "rise" is the rounding of amounts to cents in a share that did not move (on the bundled
   * data a constant 3% share "rises" by about 1e-7 pp), and listing it as "+0.0pp" would mislead.
   */
  public static final BigDecimal MIN_GAIN_PP = new BigDecimal("0.05");

  private static final String Q = "_q";
  private static final String M = "_m";
  private static final String R = "_r";
  private static final String T = "_t";
  private static final String PRE = "_pre";
  private static final String Q_PRE_R = "_q_pre_r";
  private static final String Q_POST_R = "_q_post_r";
  private static final String Q_PRE_T = "_q_pre_t";
  private static final String Q_POST_T = "_q_post_t";
  private static final String Q_MONTHS_PRE = "_q_months_pre";
  private static final String Q_MONTHS_POST = "_q_months_post";
  private static final String Q_SPEND = "_q_spend";
  private static final String Q_DELTA = "_q_delta";

  private ShareShiftEvents() {}

  public static Dataset<Row> of(
      Dataset<Row> labProviderMonthly,
      Dataset<Row> chargesMonthly,
      Dataset<Row> termEvents,
      List<Integer> windows) {
    if (windows.stream().anyMatch(w -> w == null || w <= 0)) {
      throw new IllegalArgumentException(
          "Cannot compute share shifts: windows must be positive numbers of months, got "
              + windows);
    }
    List<Row> windowRows = windows.stream().distinct().map(w -> RowFactory.create(w)).toList();
    Dataset<Row> windowTable =
        labProviderMonthly
            .sparkSession()
            .createDataFrame(
                windowRows,
                new StructType().add(ShareShiftEventsTable.WINDOW_MONTHS, DataTypes.IntegerType))
            .coalesce(1);

    // Event × window × each stream and currency the lab has.
    Dataset<Row> labStreams =
        labProviderMonthly
            .select(
                col(Columns.LAB).as("_lab"),
                col(Columns.STREAM).as(Columns.STREAM),
                col(Columns.REPORTING_CURRENCY).as(Columns.REPORTING_CURRENCY))
            .distinct();
    Dataset<Row> keys =
        termEvents
            .crossJoin(windowTable)
            .join(labStreams, col(Columns.LAB).equalTo(col("_lab")))
            .drop("_lab");
    List<String> keyColumns = Arrays.asList(keys.columns());

    // Every provider's monthly cell of the lab's stream inside [d−w, d+w).
    Dataset<Row> cells =
        labProviderMonthly.select(
            col(Columns.LAB).as("_c_lab"),
            col(Columns.STREAM).as("_c_stream"),
            col(Columns.REPORTING_CURRENCY).as("_c_currency"),
            col(Columns.PROVIDER).as(Q),
            col(Columns.MONTH).as(M),
            col(Columns.BILLED_REVENUE).as(R),
            col(Columns.LAB_STREAM_TOTAL).as(T));
    Column d = col(Columns.EVENT_MONTH);
    Column w = col(ShareShiftEventsTable.WINDOW_MONTHS);
    Column inWindows =
        col(Columns.LAB)
            .equalTo(col("_c_lab"))
            .and(col(Columns.STREAM).equalTo(col("_c_stream")))
            .and(col(Columns.REPORTING_CURRENCY).equalTo(col("_c_currency")))
            .and(col(M).geq(add_months(d, negate(w))))
            .and(col(M).lt(add_months(d, w)));
    Dataset<Row> inWindow =
        afterTheChange(
            keys.join(cells, inWindows).withColumn(PRE, col(M).lt(d)), chargesMonthly, termEvents);

    // Per event row and provider Q: Σ R and Σ T over each window. The grid gives every provider
    // every month, so Q's Σ T is the lab's Σ T over the window.
    Column pre = col(PRE);
    Column post = not(col(PRE));
    List<Column> perProviderKey = new ArrayList<>(keyColumns.stream().map(c -> col(c)).toList());
    perProviderKey.add(col(Q));
    Dataset<Row> perProvider =
        inWindow
            .groupBy(perProviderKey.toArray(Column[]::new))
            .agg(
                ConvertedSums.sumWhere(pre, col(R)).as(Q_PRE_R),
                ConvertedSums.sumWhere(post, col(R)).as(Q_POST_R),
                ConvertedSums.sumWhere(pre, col(T)).as(Q_PRE_T),
                ConvertedSums.sumWhere(post, col(T)).as(Q_POST_T),
                count_distinct(when(pre, col(M))).as(Q_MONTHS_PRE),
                count_distinct(when(post, col(M))).as(Q_MONTHS_POST),
                sum(abs(col(R))).as(Q_SPEND))
            .withColumn(
                Q_DELTA,
                ShareFormulas.deltaPp(
                    ShareFormulas.spendWeightedShare(col(Q_POST_R), col(Q_POST_T)),
                    ShareFormulas.spendWeightedShare(col(Q_PRE_R), col(Q_PRE_T))));

    Column isP = col(Q).equalTo(col(Columns.PROVIDER));
    Column gainer =
        when(
            col(Q_DELTA).geq(lit(MIN_GAIN_PP)),
            struct(
                negate(col(Q_DELTA)).as("order"),
                col(Q).as("provider"),
                col(Q_DELTA).as("delta_pp")));
    Dataset<Row> perEvent =
        perProvider
            .groupBy(keyColumns.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(
                max(Q_MONTHS_PRE).cast("int").as(ShareShiftEventsTable.MONTHS_PRE),
                max(Q_MONTHS_POST).cast("int").as(ShareShiftEventsTable.MONTHS_POST),
                max(Q_PRE_T).as(ShareShiftEventsTable.PRE_TOTAL),
                max(Q_POST_T).as(ShareShiftEventsTable.POST_TOTAL),
                sum(when(isP, col(Q_PRE_R))).as("_p_pre_r"),
                sum(when(isP, col(Q_POST_R))).as("_p_post_r"),
                sum(Q_SPEND).as("_spend"),
                slice(sort_array(collect_list(gainer)), 1, MAX_GAINERS).as("_gainers"))
            .where(col("_spend").gt(0));

    Column zero = lit(BigDecimal.ZERO).cast(ChargesMonthlyTable.MONEY);
    Column monthsPre = col(ShareShiftEventsTable.MONTHS_PRE);
    Column monthsPost = col(ShareShiftEventsTable.MONTHS_POST);
    Column gainers = col("_gainers");
    Dataset<Row> events =
        perEvent
            // P is not in the grid when the lab never used it in the stream: R = 0 in every month
            // present.
            .withColumn(
                ShareShiftEventsTable.PRE_REVENUE,
                when(monthsPre.gt(0), coalesce(col("_p_pre_r"), zero)))
            .withColumn(
                ShareShiftEventsTable.POST_REVENUE,
                when(monthsPost.gt(0), coalesce(col("_p_post_r"), zero)))
            .withColumn(
                ShareShiftEventsTable.PRE_AVG_MONTHLY_TOTAL,
                when(monthsPre.gt(0), col(ShareShiftEventsTable.PRE_TOTAL).divide(monthsPre)))
            .withColumn(
                ShareShiftEventsTable.PRE_SHARE,
                ShareFormulas.spendWeightedShare(
                    col(ShareShiftEventsTable.PRE_REVENUE), col(ShareShiftEventsTable.PRE_TOTAL)))
            .withColumn(
                ShareShiftEventsTable.POST_SHARE,
                ShareFormulas.spendWeightedShare(
                    col(ShareShiftEventsTable.POST_REVENUE), col(ShareShiftEventsTable.POST_TOTAL)))
            .withColumn(
                ShareShiftEventsTable.DELTA_PP,
                ShareFormulas.deltaPp(
                    col(ShareShiftEventsTable.POST_SHARE), col(ShareShiftEventsTable.PRE_SHARE)))
            .withColumn(
                ShareShiftEventsTable.GAINERS,
                when(
                    size(gainers).gt(0),
                    array_join(
                        transform(
                            gainers,
                            g ->
                                format_string(
                                    "%s %+.1fpp",
                                    g.getField("provider"), g.getField("delta_pp").cast("double"))),
                        ", ")))
            .withColumn(
                ShareShiftEventsTable.TOP_GAINER,
                try_element_at(gainers, lit(1)).getField("provider"))
            .withColumn(
                ShareShiftEventsTable.TOP_GAINER_DELTA_PP,
                try_element_at(gainers, lit(1)).getField("delta_pp"));
    return ShareShiftEventsTable.SPEC.conform(events);
  }

  /**
   * The event month's cells hold only their part after the change
   * (docs/methodology.md#terms-by-the-instant): its part before belongs to neither window.
   */
  private static Dataset<Row> afterTheChange(
      Dataset<Row> inWindow, Dataset<Row> chargesMonthly, Dataset<Row> termEvents) {
    Dataset<Row> perProvider = EventMonthSplit.perProvider(chargesMonthly, termEvents);
    Dataset<Row> revenue =
        perProvider.select(
            col(Columns.LAB).as("_a_lab"),
            col(Columns.PROVIDER).as("_a_provider"),
            col(Columns.EVENT_MONTH).as("_a_month"),
            col(Columns.STREAM).as("_a_stream"),
            col(EventMonthSplit.SPLIT_PROVIDER).as("_a_q"),
            col(EventMonthSplit.REVENUE_AFTER).as("_a_r"),
            lit(true).as("_a_found"));
    Dataset<Row> totals =
        EventMonthSplit.totals(perProvider)
            .select(
                col(Columns.LAB).as("_at_lab"),
                col(Columns.PROVIDER).as("_at_provider"),
                col(Columns.EVENT_MONTH).as("_at_month"),
                col(Columns.STREAM).as("_at_stream"),
                col(EventMonthSplit.TOTAL_AFTER).as("_at_t"),
                lit(true).as("_at_found"));
    Column split =
        col(M)
            .equalTo(col(Columns.EVENT_MONTH))
            .and(dayofmonth(col(Columns.EFFECTIVE_FROM)).notEqual(1));
    Column zero = lit(BigDecimal.ZERO).cast(ChargesMonthlyTable.MONEY);
    return inWindow
        .join(
            revenue,
            col(Columns.LAB)
                .equalTo(col("_a_lab"))
                .and(col(Columns.PROVIDER).equalTo(col("_a_provider")))
                .and(col(Columns.EVENT_MONTH).equalTo(col("_a_month")))
                .and(col(Columns.STREAM).equalTo(col("_a_stream")))
                .and(col(Q).equalTo(col("_a_q"))),
            "left")
        .join(
            totals,
            col(Columns.LAB)
                .equalTo(col("_at_lab"))
                .and(col(Columns.PROVIDER).equalTo(col("_at_provider")))
                .and(col(Columns.EVENT_MONTH).equalTo(col("_at_month")))
                .and(col(Columns.STREAM).equalTo(col("_at_stream"))),
            "left")
        .withColumn(
            R,
            when(split, when(col("_a_found").isNull(), zero).otherwise(col("_a_r")))
                .otherwise(col(R)))
        .withColumn(
            T,
            when(split, when(col("_at_found").isNull(), zero).otherwise(col("_at_t")))
                .otherwise(col(T)))
        .drop(
            "_a_lab",
            "_a_provider",
            "_a_month",
            "_a_stream",
            "_a_q",
            "_a_r",
            "_a_found",
            "_at_lab",
            "_at_provider",
            "_at_month",
            "_at_stream",
            "_at_t",
            "_at_found");
  }
}
