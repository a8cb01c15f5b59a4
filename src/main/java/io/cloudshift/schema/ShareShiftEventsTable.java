package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code share_shift_events} (docs/methodology.md#outputs, docs/methodology.md#share-shift Share
 * shift"): per terms change e of (L, P) effective in month d × stream × window w, P's
 * spend-weighted share of L's stream spend over the w months before, [d−w, d), and from d on, [d,
 * d+w), the change in percentage points, the terms before and after, and which of L's providers
 * gained share over the same windows. Windows are clipped to the months present in the data ({@link
 * #MONTHS_PRE}, {@link #MONTHS_POST}).
 */
public final class ShareShiftEventsTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType FRACTION = LabProviderMonthlyTable.FRACTION;

  /** Percentage points. */
  public static final DataType PP = DataTypes.createDecimalType(38, 16);

  public static final DataType RATE = PartnershipColumns.SHARE;

  public static final String WINDOW_MONTHS = "window_months";
  public static final String MONTHS_PRE = "months_pre";
  public static final String MONTHS_POST = "months_post";
  public static final String PRE_REVENUE = "pre_revenue";
  public static final String POST_REVENUE = "post_revenue";
  public static final String PRE_TOTAL = "pre_total";
  public static final String POST_TOTAL = "post_total";
  public static final String PRE_AVG_MONTHLY_TOTAL = "pre_avg_monthly_total";

  /** s_pre. */
  public static final String PRE_SHARE = "pre_share";

  /** s_post. */
  public static final String POST_SHARE = "post_share";

  /** (s_post − s_pre) × 100. */
  public static final String DELTA_PP = "delta_pp";

  public static final String GAINERS = "gainers";
  public static final String TOP_GAINER = "top_gainer";
  public static final String TOP_GAINER_DELTA_PP = "top_gainer_delta_pp";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.SHARE_SHIFT_EVENTS,
          "Per partnership terms change (lab, provider, event month d) x stream x window w:"
              + " the provider's spend-weighted share of the lab's stream spend over"
              + " [d-w, d) and [d, d+w) (windows clipped to the months in the data), the change in"
              + " percentage points, the terms before and after, and the lab's providers that"
              + " gained share over the same windows (docs/methodology.md#share-shift). Rows where"
              + " the lab has no spend in the stream in either window are left out.",
          column(
              Columns.EVENT_ID,
              DataTypes.StringType,
              "Partnership record of the new terms (the version in force in the event month)"),
          column(Columns.LAB, DataTypes.StringType, "AI lab L"),
          column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider P whose terms changed"),
          column(
              Columns.EVENT_MONTH,
              DataTypes.DateType,
              "d: first day of the month holding the new terms' effective_from (a change on 27 Apr"
                  + " is an April event)"),
          column(
              Columns.EFFECTIVE_FROM, DataTypes.DateType, "Exact date the new terms take effect"),
          column(
              Columns.STREAM,
              DataTypes.StringType,
              "compute (lab's own accounts) or resale (lab's models sold by providers)"),
          column(
              WINDOW_MONTHS,
              DataTypes.IntegerType,
              "w: nominal window length in months (configured, default 3, 6, 12)"),
          CurrencyColumnSpecs.reportingCurrency(),
          column(
              MONTHS_PRE,
              DataTypes.IntegerType,
              "Months of [d-w, d) present in the data (0..w; below w when the data starts later)"),
          column(
              MONTHS_POST,
              DataTypes.IntegerType,
              "Months of [d, d+w) present in the data (0..w; below w when the data ends earlier)"),
          column(
              PRE_REVENUE,
              MONEY,
              "Sum of P's revenue R from the lab in the stream over the pre window"
                  + " (reporting_currency)"),
          column(
              POST_REVENUE,
              MONEY,
              "Sum of P's revenue R from the lab in the stream over the post window"
                  + " (reporting_currency)"),
          column(
              PRE_TOTAL,
              MONEY,
              "Sum of the lab's stream total T over the pre window (reporting_currency); null when"
                  + " months_pre = 0"),
          column(
              POST_TOTAL,
              MONEY,
              "Sum of the lab's stream total T over the post window (reporting_currency); null when"
                  + " months_post = 0"),
          column(
              PRE_AVG_MONTHLY_TOTAL,
              MONEY,
              "pre_total / months_pre: the lab's average monthly stream total before the event"
                  + " (reporting_currency)"),
          column(
              PRE_SHARE,
              FRACTION,
              "s_pre: P's spend-weighted share over the pre window, sum R / sum T (fraction); null"
                  + " when sum T <= 0 or no month"),
          column(
              POST_SHARE,
              FRACTION,
              "s_post: P's spend-weighted share over the post window, sum R / sum T (fraction);"
                  + " null when sum T <= 0 or no month"),
          column(
              DELTA_PP,
              PP,
              "(s_post - s_pre) x 100, in percentage points; null when either share is null"),
          column(
              Columns.OLD_TERMS_RECORD_ID,
              DataTypes.StringType,
              "Partnership record in force the month before d; null for a first agreement"),
          column(
              Columns.OLD_EXCLUSIVITY,
              DataTypes.StringType,
              "Exclusivity before: exclusive, rofr or none; null when no earlier terms"),
          column(
              Columns.NEW_EXCLUSIVITY,
              DataTypes.StringType,
              "Exclusivity from d: exclusive, rofr or none"),
          column(
              Columns.OLD_RESALE_SHARE_TO_LAB,
              RATE,
              "p0: fraction of resale revenue the provider paid the lab before; null = not"
                  + " disclosed / no terms"),
          column(
              Columns.NEW_RESALE_SHARE_TO_LAB,
              RATE,
              "p1: fraction of resale revenue the provider pays the lab from d; null = not"
                  + " disclosed"),
          column(
              Columns.OLD_LAB_SHARE_TO_PROVIDER,
              RATE,
              "q0: fraction of the lab's revenue the lab paid the provider before; null = not"
                  + " disclosed / no terms"),
          column(
              Columns.NEW_LAB_SHARE_TO_PROVIDER,
              RATE,
              "q1: fraction of the lab's revenue the lab pays the provider from d; null = not"
                  + " disclosed"),
          column(
              Columns.OLD_LAB_SHARE_CAP_USD,
              PartnershipColumns.USD,
              "C0: cumulative cap on the lab's payments under the old terms (USD); null = none"
                  + " known"),
          column(
              Columns.NEW_LAB_SHARE_CAP_USD,
              PartnershipColumns.USD,
              "C1: cumulative cap on the lab's payments under the new terms (USD); null = none"
                  + " known"),
          column(
              GAINERS,
              DataTypes.StringType,
              "The lab's providers whose share rose from the pre to the post window by at least"
                  + " 0.05 pp (shown as +0.1pp or more; smaller moves are cent rounding), largest"
                  + " rise first, at most 3, e.g. 'aws +8.9pp, coreweave +2.1pp' (pp rounded to"
                  + " 0.1); null when none rose"),
          column(
              TOP_GAINER,
              DataTypes.StringType,
              "Provider with the largest share rise, the first of gainers (ties: first id"
                  + " alphabetically); null when none rose"),
          column(
              TOP_GAINER_DELTA_PP,
              PP,
              "Share rise of the top gainer, (s_post - s_pre) x 100 in percentage points; null when"
                  + " none rose"));

  private ShareShiftEventsTable() {}
}
