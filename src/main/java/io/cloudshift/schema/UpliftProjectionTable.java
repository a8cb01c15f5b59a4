package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * {@code uplift_projection} (docs/methodology.md#projection): per configured scenario × stream ×
 * projected calendar quarter, the lab's stream total T, the provider's share path s, and the
 * provider's net revenue under the new terms (N_act = s·T·g1) against the counterfactual of the old
 * terms with the share frozen at the start share (N_cf = s0·T·g0), the uplift U = N_act − N_cf, the
 * break-even share s* = s0·g0/g1 and the cumulative uplift. A row with stream = 'total' per
 * scenario × quarter sums the money columns of the compute and resale rows (shares and rates are
 * null there). Every amount is USD, per quarter; computed by {@code
 * io.cloudshift.projection.ProjectionFormulas}.
 */
public final class UpliftProjectionTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType FRACTION = LabProviderMonthlyTable.FRACTION;
  public static final DecimalType RATE = ExactDecimal.FRACTION;

  /** The stream value of the row that sums compute and resale. */
  public static final String TOTAL_STREAM = "total";

  public static final String SCENARIO_ID = "scenario_id";
  public static final String SCENARIO_DESCRIPTION = "scenario_description";
  public static final String QUARTER_INDEX = "quarter_index";
  public static final String HORIZON_QUARTERS = "horizon_quarters";
  public static final String BASE_QUARTER_LABEL = "base_quarter_label";
  public static final String START_TOTAL = "start_total_usd";
  public static final String START_TOTAL_SOURCE = "start_total_source";
  public static final String GROWTH = "annual_growth";

  /** T_q. */
  public static final String STREAM_TOTAL = "lab_stream_total_usd";

  /** s0. */
  public static final String START_SHARE = "start_share";

  public static final String START_SHARE_SOURCE = "start_share_source";
  public static final String TARGET_SHARE = "target_share";
  public static final String GLIDE = "glide";

  /** g0 = 1 − p0, g1 = 1 − p1 (1 for compute). */
  public static final String OLD_NET_FRACTION = "old_net_fraction";

  public static final String NEW_NET_FRACTION = "new_net_fraction";
  public static final String NET_ACTUAL = "provider_net_actual_usd";
  public static final String NET_COUNTERFACTUAL = "provider_net_counterfactual_usd";
  public static final String UPLIFT = "uplift_usd";
  public static final String CUMULATIVE_UPLIFT = "cumulative_uplift_usd";

  /** Values of {@link #START_SHARE_SOURCE} and {@link #START_TOTAL_SOURCE}. */
  public static final String SOURCE_OBSERVED = "observed";

  public static final String SOURCE_CONFIGURED = "configured";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.UPLIFT_PROJECTION,
          "Forward uplift per scenario (conf cloudshift.scenarios) x stream x projected calendar"
              + " quarter (docs/methodology.md#projection): T_q = T_start x (1+g)^(k/4), share s_q"
              + " on the configured glide, N_act = s_q x T_q x g1, N_cf = s0 x T_q x g0 (old terms,"
              + " share frozen at the start share s0), U = N_act - N_cf, break-even s* = s0 x g0 /"
              + " g1. stream = total sums the compute and resale money columns (shares and rates"
              + " null). Amounts in USD per quarter; observed inputs come from the USD rows of"
              + " lab_provider_monthly.",
          TableSpec.join(
              column(
                  SCENARIO_ID,
                  DataTypes.StringType,
                  "Scenario id (conf cloudshift.scenarios[].id)"),
              column(
                  SCENARIO_DESCRIPTION, DataTypes.StringType, "Scenario description from the conf"),
              column(Columns.LAB, DataTypes.StringType, "AI lab L of the scenario"),
              column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id P of the scenario"),
              column(
                  Columns.STREAM,
                  DataTypes.StringType,
                  "compute, resale, or total (sum of the compute and resale rows of the quarter)"),
              column(
                  QUARTER_INDEX,
                  DataTypes.IntegerType,
                  "q: 1 for the scenario's start quarter up to horizon_quarters (count)"),
              QuarterColumnSpecs.quarter(),
              QuarterColumnSpecs.fiscalQuarterOfMonth(),
              column(
                  HORIZON_QUARTERS,
                  DataTypes.IntegerType,
                  "H: number of projected quarters of the scenario (count)"),
              column(
                  BASE_QUARTER_LABEL,
                  DataTypes.StringType,
                  "Quarter k = 0 that T_start is the total of: the last complete calendar quarter"
                      + " of data (three months in lab_provider_monthly), or the quarter before the"
                      + " start quarter when start-total-usd is configured"),
              column(
                  START_TOTAL,
                  MONEY,
                  "T_start: the lab's stream total over all providers in the base quarter (USD per"
                      + " quarter); total row: sum of streams"),
              column(
                  START_TOTAL_SOURCE,
                  DataTypes.StringType,
                  "observed (lab_provider_monthly) or configured (start-total-usd); null on total"
                      + " rows"),
              column(
                  GROWTH,
                  RATE,
                  "g: assumed annual growth of the lab's stream total (fraction, 0.8 = +80 %/yr),"
                      + " compounded per quarter as (1+g)^(1/4); null on total rows"),
              column(
                  STREAM_TOTAL,
                  MONEY,
                  "T_q = T_start x (1+g)^(k/4), k = quarters since the base quarter: the lab's"
                      + " projected stream total over all providers (USD per quarter); total row:"
                      + " sum of streams"),
              column(
                  Columns.SHARE,
                  FRACTION,
                  "s_q: provider's projected share of the lab's stream total on the glide path"
                      + " (fraction 0..1); null on total rows"),
              column(
                  START_SHARE,
                  FRACTION,
                  "s0: start share, the provider's share in the base quarter (observed,"
                      + " spend-weighted) or configured (fraction 0..1); null on total rows"),
              column(
                  START_SHARE_SOURCE,
                  DataTypes.StringType,
                  "observed (lab_provider_monthly) or configured (start-share); null on total"
                      + " rows"),
              column(
                  TARGET_SHARE,
                  FRACTION,
                  "Share reached at the horizon (fraction 0..1; equals start_share when the conf"
                      + " holds the share); null on total rows"),
              column(
                  GLIDE,
                  DataTypes.StringType,
                  "Share path from start to target: linear, step or exponential (see"
                      + " ProjectionFormulas); null on total rows"),
              column(
                  Columns.OLD_RESALE_SHARE_TO_LAB,
                  RATE,
                  "p0: fraction of resale revenue the provider pays the lab under the old terms;"
                      + " null for compute and total rows"),
              column(
                  Columns.NEW_RESALE_SHARE_TO_LAB,
                  RATE,
                  "p1: fraction of resale revenue the provider pays the lab under the new terms;"
                      + " null for compute and total rows"),
              column(
                  OLD_NET_FRACTION,
                  RATE,
                  "g0 = 1 - p0: fraction of stream revenue the provider keeps under the old terms"
                      + " (1 for compute); null on total rows"),
              column(
                  NEW_NET_FRACTION,
                  RATE,
                  "g1 = 1 - p1: fraction of stream revenue the provider keeps under the new terms"
                      + " (1 for compute); null on total rows"),
              column(
                  NET_ACTUAL,
                  MONEY,
                  "N_act = s_q x T_q x g1: provider net revenue from the stream under the new terms"
                      + " on the share path (USD per quarter)"),
              column(
                  NET_COUNTERFACTUAL,
                  MONEY,
                  "N_cf = s0 x T_q x g0: provider net revenue had the old terms been kept with the"
                      + " share frozen at s0 (USD per quarter)"),
              column(
                  UPLIFT,
                  MONEY,
                  "U = N_act - N_cf: the provider's gain (negative: loss) from the new terms and"
                      + " the share path (USD per quarter)"),
              column(
                  Columns.BREAK_EVEN_SHARE,
                  FRACTION,
                  "s* = s0 x g0 / g1: share the provider must keep to be no worse off than under"
                      + " the old terms (fraction; may exceed 1 when no share suffices); null when"
                      + " g1 = 0 and on total rows"),
              column(
                  CUMULATIVE_UPLIFT, MONEY, "Sum of U from quarter 1 up to this quarter (USD)")));

  private UpliftProjectionTable() {}
}
