package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataTypes;

/**
 * {@code uplift_projection_sensitivity} (docs/methodology.md#projection, sensitivity grid): for
 * each scenario × stream and each (target share, annual growth) of the scenario's grid, the
 * scenario re-run with that stream's target share and growth replaced (everything else — start
 * share, start total, glide, old and new terms, horizon — as configured), summed over the horizon.
 * USD.
 */
public final class UpliftProjectionSensitivityTable {
  public static final String FIRST_QUARTER_LABEL = "first_quarter_label";
  public static final String LAST_QUARTER_LABEL = "last_quarter_label";
  public static final String CUMULATIVE_NET_ACTUAL = "cumulative_provider_net_actual_usd";
  public static final String CUMULATIVE_NET_COUNTERFACTUAL =
      "cumulative_provider_net_counterfactual_usd";
  public static final String IS_SCENARIO_CASE = "is_scenario_case";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.UPLIFT_PROJECTION_SENSITIVITY,
          "Sensitivity grid of each projection scenario (docs/methodology.md#projection): per"
              + " scenario x stream x grid target share x grid annual growth, the scenario re-run"
              + " with that stream's target share and growth, summed over the horizon: cumulative"
              + " N_act, N_cf and U (USD) and the break-even share s* = s0 x g0 / g1.",
          column(
              UpliftProjectionTable.SCENARIO_ID,
              DataTypes.StringType,
              "Scenario id (conf cloudshift.scenarios[].id)"),
          column(
              UpliftProjectionTable.SCENARIO_DESCRIPTION,
              DataTypes.StringType,
              "Scenario description from the conf"),
          column(Columns.LAB, DataTypes.StringType, "AI lab L of the scenario"),
          column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id P of the scenario"),
          column(Columns.STREAM, DataTypes.StringType, "compute or resale"),
          column(
              UpliftProjectionTable.TARGET_SHARE,
              UpliftProjectionTable.FRACTION,
              "Grid value: the provider's share at the horizon (fraction 0..1)"),
          column(
              UpliftProjectionTable.GROWTH,
              UpliftProjectionTable.RATE,
              "Grid value: annual growth of the lab's stream total (fraction, 0.8 = +80 %/yr)"),
          column(
              UpliftProjectionTable.HORIZON_QUARTERS,
              DataTypes.IntegerType,
              "H: number of projected quarters summed (count)"),
          column(
              FIRST_QUARTER_LABEL,
              DataTypes.StringType,
              "First projected calendar quarter, e.g. 2026Q4"),
          column(
              LAST_QUARTER_LABEL,
              DataTypes.StringType,
              "Last projected calendar quarter (the horizon)"),
          column(
              UpliftProjectionTable.START_TOTAL,
              UpliftProjectionTable.MONEY,
              "T_start: the lab's stream total in the base quarter (USD per quarter), as in"
                  + " uplift_projection"),
          column(
              UpliftProjectionTable.START_SHARE,
              UpliftProjectionTable.FRACTION,
              "s0: start share (fraction 0..1), as in uplift_projection"),
          column(
              UpliftProjectionTable.GLIDE,
              DataTypes.StringType,
              "Share path shape of the scenario's stream: linear, step or exponential"),
          column(
              UpliftProjectionTable.OLD_NET_FRACTION,
              UpliftProjectionTable.RATE,
              "g0 = 1 - p0: fraction the provider keeps under the old terms (1 for compute)"),
          column(
              UpliftProjectionTable.NEW_NET_FRACTION,
              UpliftProjectionTable.RATE,
              "g1 = 1 - p1: fraction the provider keeps under the new terms (1 for compute)"),
          column(
              CUMULATIVE_NET_ACTUAL,
              UpliftProjectionTable.MONEY,
              "Sum over the horizon of N_act = s_q x T_q x g1 (USD)"),
          column(
              CUMULATIVE_NET_COUNTERFACTUAL,
              UpliftProjectionTable.MONEY,
              "Sum over the horizon of N_cf = s0 x T_q x g0 (USD)"),
          column(
              UpliftProjectionTable.CUMULATIVE_UPLIFT,
              UpliftProjectionTable.MONEY,
              "Sum over the horizon of U = N_act - N_cf (USD)"),
          column(
              Columns.BREAK_EVEN_SHARE,
              UpliftProjectionTable.FRACTION,
              "s* = s0 x g0 / g1 (fraction; independent of the grid cell); null when g1 = 0"),
          column(
              IS_SCENARIO_CASE,
              DataTypes.BooleanType,
              "True when the cell's target share and growth are the scenario's own (its row totals"
                  + " equal uplift_projection's)"));

  private UpliftProjectionSensitivityTable() {}
}
