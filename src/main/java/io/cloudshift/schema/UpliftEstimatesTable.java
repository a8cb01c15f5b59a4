package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code uplift_estimates} (docs/methodology.md#intervals): per terms change × stream × model ×
 * horizon, the uplift with its 90 % interval and placebo p-value. A horizon is a quarter of {@link
 * UpliftQuarterlyTable} ({@code horizon = 'quarter'}) or every month from the event through the end
 * of that quarter ({@code 'cumulative'}), in calendar and in fiscal quarters. The placebo columns
 * are those of the event × stream × model and repeat on each of its horizons.
 */
public final class UpliftEstimatesTable {
  public static final DataType MONEY = UpliftMonthlyTable.MONEY;
  public static final DataType FRACTION = UpliftMonthlyTable.FRACTION;

  public static final String HORIZON = "horizon";
  public static final String HORIZON_QUARTER = "quarter";
  public static final String HORIZON_CUMULATIVE = "cumulative";
  public static final String MONTHS_IN_HORIZON = "months_in_horizon";
  public static final String UPLIFT_LOW = "uplift_low";
  public static final String UPLIFT_HIGH = "uplift_high";
  public static final String EVENT_EFFECT_PER_TOTAL = "event_share_effect_per_total";
  public static final String EVENT_EFFECT_MONTHS = "event_effect_months";
  public static final String PLACEBO_MONTHS = "placebo_months";
  public static final String PLACEBO_P05 = "placebo_effect_p05";
  public static final String PLACEBO_P95 = "placebo_effect_p95";
  public static final String PLACEBO_P_VALUE = "placebo_p_value";
  public static final String PLACEBOS = "placebos";
  public static final String PLACEBO_POOL = "placebo_pool";
  public static final String POOL_PAIR = "pair";
  public static final String POOL_STREAM = "stream";
  public static final String INTERVAL_NOTE = "interval_note";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.UPLIFT_ESTIMATES,
          "Per partnership terms change x stream x counterfactual model x horizon"
              + " (docs/methodology.md#intervals): the uplift U of the quarter (horizon = quarter)"
              + " or of every month from the event through the quarter's end (horizon ="
              + " cumulative), in calendar and fiscal quarters, with its 90 % interval from placebo"
              + " events in time, the placebo p-value and the number of placebos. Amounts in"
              + " reporting_currency.",
          TableSpec.join(
              column(
                  Columns.EVENT_ID, DataTypes.StringType, "Terms-change event, as uplift_monthly"),
              column(Columns.LAB, DataTypes.StringType, "AI lab"),
              column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id"),
              column(
                  Columns.EVENT_MONTH,
                  DataTypes.DateType,
                  "d: the month of the change (first day)"),
              column(
                  Columns.EFFECTIVE_FROM,
                  DataTypes.DateType,
                  "t_e: the day the new terms start (00:00 UTC)"),
              column(
                  Columns.STREAM,
                  DataTypes.StringType,
                  "compute, resale or inbound (no share effect: no interval)"),
              column(
                  UpliftMonthlyTable.MODEL,
                  DataTypes.StringType,
                  "Counterfactual model: frozen, trend or control"
                      + " (docs/methodology.md#counterfactual-models)"),
              CurrencyColumnSpecs.reportingCurrency(),
              column(
                  HORIZON,
                  DataTypes.StringType,
                  "quarter: the months of the quarter from the event on; cumulative: every month"
                      + " from the event month through the quarter's last month"),
              QuarterColumnSpecs.quarter(),
              column(
                  UpliftQuarterlyTable.FIRST_MONTH,
                  DataTypes.DateType,
                  "First month of the horizon"),
              column(
                  UpliftQuarterlyTable.LAST_MONTH,
                  DataTypes.DateType,
                  "Last month of the horizon (earlier than the quarter's end in the last quarter"
                      + " of data)"),
              column(MONTHS_IN_HORIZON, DataTypes.IntegerType, "Months summed over the horizon"),
              column(
                  Columns.LAB_STREAM_TOTAL,
                  MONEY,
                  "Sum of T over the horizon (reporting_currency); null on inbound rows"),
              column(
                  UpliftMonthlyTable.RETAINED_OLD,
                  FRACTION,
                  "g0, the fraction of R the provider keeps under the old terms; null on inbound"
                      + " rows"),
              column(
                  UpliftMonthlyTable.SHARE_EFFECT,
                  MONEY,
                  "Share effect over the horizon, sum of (s - s_cf) x T x g0"
                      + " (reporting_currency)"),
              column(
                  UpliftMonthlyTable.MARGIN_EFFECT,
                  MONEY,
                  "Margin effect over the horizon, sum of s x T x (g1 - g0) (reporting_currency)"),
              column(
                  UpliftMonthlyTable.UPLIFT,
                  MONEY,
                  "U over the horizon = share + margin effect; inbound rows: the inbound-share"
                      + " difference (reporting_currency)"),
              column(
                  UPLIFT_LOW,
                  MONEY,
                  "Lower end of U's 90 % interval: U - placebo_effect_p95 x lab_stream_total x g0"
                      + " (reporting_currency); null when there is no interval (interval_note)"),
              column(
                  UPLIFT_HIGH,
                  MONEY,
                  "Upper end of U's 90 % interval: U - placebo_effect_p05 x lab_stream_total x g0"
                      + " (reporting_currency); null when there is no interval (interval_note)"),
              column(
                  EVENT_EFFECT_PER_TOTAL,
                  FRACTION,
                  "The event's share effect per unit of stream total over its first"
                      + " event_effect_months months, sum (s - s_cf) x T / sum T (fraction); what"
                      + " the p-value compares with the placebos"),
              column(
                  EVENT_EFFECT_MONTHS,
                  DataTypes.IntegerType,
                  "Months behind event_share_effect_per_total: placebo_months, or fewer when the"
                      + " data ends sooner"),
              column(
                  PLACEBO_MONTHS,
                  DataTypes.IntegerType,
                  "h: months over which each placebo's effect is measured"
                      + " (windows.placebo-months)"),
              column(
                  PLACEBO_P05,
                  FRACTION,
                  "5th percentile (nearest rank) of the placebos' share effect per unit of stream"
                      + " total (fraction)"),
              column(
                  PLACEBO_P95,
                  FRACTION,
                  "95th percentile (nearest rank) of the placebos' share effect per unit of stream"
                      + " total (fraction)"),
              column(
                  PLACEBO_P_VALUE,
                  FRACTION,
                  "Fraction of the placebos whose |effect| is at least the event's |effect|; small"
                      + " means an effect this large is rare without a terms change"),
              column(
                  PLACEBOS,
                  DataTypes.IntegerType,
                  "Number of placebo events behind the interval and the p-value (0 when none)"),
              column(
                  PLACEBO_POOL,
                  DataTypes.StringType,
                  "pair: the lab x provider's own placebos (at least 10); stream: pooled over every"
                      + " pair of the stream; null on inbound rows"),
              column(
                  INTERVAL_NOTE,
                  DataTypes.StringType,
                  "Why uplift_low, uplift_high or the p-value are null; null when they are"
                      + " known")));

  private UpliftEstimatesTable() {}
}
