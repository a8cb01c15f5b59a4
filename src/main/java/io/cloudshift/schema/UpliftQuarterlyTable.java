package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code uplift_quarterly} (docs/methodology.md#outputs, docs/methodology.md#quarters Quarterly
 * rows sum the monthly rows"): the rows of {@link UpliftMonthlyTable} summed per event × stream ×
 * currency × quarter, once in calendar quarters ({@code quarter_basis = 'calendar'}, label {@code
 * 2026Q2}) and once in the provider's fiscal quarters ({@code 'fiscal'}, label {@code FY26Q4}).
 * Money columns are exact sums of the monthly rows (null when any month of the quarter is null: an
 * unknown month makes the quarter unknown); the identities of the monthly table hold on the sums.
 * The quarter of the event month holds only the months from the event month on ({@code
 * months_in_quarter} says how many).
 */
public final class UpliftQuarterlyTable {
  public static final DataType MONEY = UpliftMonthlyTable.MONEY;
  public static final DataType FRACTION = UpliftMonthlyTable.FRACTION;

  // Columns shared with uplift_monthly, named here too so code reading this table needs only this
  // class.

  public static final String FIRST_MONTH = "first_month";
  public static final String LAST_MONTH = "last_month";
  public static final String MONTHS_IN_QUARTER = "months_in_quarter";
  public static final String LAST_MONTH_SHARE = "last_month_share";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.UPLIFT_QUARTERLY,
          "uplift_monthly summed per partnership terms change x stream x quarter, in calendar"
              + " quarters (quarter_basis = calendar, e.g. 2026Q2) and in the provider's fiscal"
              + " quarters (quarter_basis = fiscal, e.g. FY26Q4) (docs/methodology.md#quarters)."
              + " Money columns are exact sums of the monthly rows (null when a month of the"
              + " quarter is null); baseline, terms and break-even share repeat the event's"
              + " constants. Amounts in reporting_currency; shares are fractions.",
          TableSpec.join(
              UpliftMonthlyTable.concat(
                  UpliftMonthlyTable.EVENT_COLUMNS,
                  UpliftMonthlyTable.ROW_COLUMNS,
                  TableSpec.join(
                      QuarterColumnSpecs.quarter(),
                      column(
                          FIRST_MONTH,
                          DataTypes.DateType,
                          "First month summed (later than quarter_start in the event's quarter)"),
                      column(
                          LAST_MONTH,
                          DataTypes.DateType,
                          "Last month summed (earlier than the quarter's end in the last quarter of"
                              + " data)"),
                      column(
                          MONTHS_IN_QUARTER,
                          DataTypes.IntegerType,
                          "Number of monthly rows summed (1-3)"),
                      column(
                          Columns.BILLED_REVENUE,
                          MONEY,
                          "Sum of R over the months (reporting_currency); null on inbound rows"),
                      column(
                          Columns.LAB_STREAM_TOTAL,
                          MONEY,
                          "Sum of T over the months (reporting_currency); null on inbound rows"),
                      column(
                          Columns.SHARE,
                          FRACTION,
                          "Spend-weighted share of the quarter: sum R / sum T (fraction); null when"
                              + " sum T <= 0 and on inbound rows"),
                      column(
                          LAST_MONTH_SHARE,
                          FRACTION,
                          "s in last_month (fraction), to compare with break_even_share; null when"
                              + " that month's T <= 0 and on inbound rows")),
                  UpliftMonthlyTable.BASELINE_COLUMNS,
                  new TableSpec.Column[] {
                    column(
                        UpliftMonthlyTable.NET_ACTUAL,
                        MONEY,
                        "Sum of monthly N_act: provider net revenue under the new terms; inbound"
                            + " rows: inbound share under the new terms (reporting_currency)"),
                    column(
                        UpliftMonthlyTable.NET_COUNTERFACTUAL,
                        MONEY,
                        "Sum of monthly N_cf: old terms kept, share frozen at s0; inbound rows:"
                            + " inbound share under the old terms (reporting_currency)"),
                    column(
                        UpliftMonthlyTable.UPLIFT,
                        MONEY,
                        "Sum of monthly U = N_act - N_cf (reporting_currency); inbound rows: the"
                            + " inbound-share difference"),
                    column(
                        UpliftMonthlyTable.NET_PRE_EVENT,
                        MONEY,
                        "Sum of monthly N_pre = s0 x T0 x g0, i.e. months_in_quarter times the"
                            + " pre-event monthly level (reporting_currency); null on inbound"
                            + " rows"),
                    column(
                        UpliftMonthlyTable.VOLUME_EFFECT,
                        MONEY,
                        "Sum of monthly volume effects s_cf x (T - T0 x f) x g0"
                            + " (reporting_currency); null on inbound rows"),
                    column(
                        UpliftMonthlyTable.SHARE_EFFECT,
                        MONEY,
                        "Sum of monthly share effects (s - s_cf) x T x g0 (reporting_currency);"
                            + " null on inbound rows"),
                    column(
                        UpliftMonthlyTable.MARGIN_EFFECT,
                        MONEY,
                        "Sum of monthly margin effects s x T x (g1 - g0) (reporting_currency); null"
                            + " on inbound rows"),
                    column(
                        Columns.BREAK_EVEN_SHARE,
                        FRACTION,
                        "s* = s_cf x g0 / g1 of last_month, to compare with last_month_share"
                            + " (fraction; constant for the frozen model); null when g1 = 0 or s_cf"
                            + " is null, and on inbound rows"),
                    column(
                        Columns.LAB_REVENUE_USD,
                        MONEY,
                        "Sum of the lab's monthly revenue used for the inbound share (USD); inbound"
                            + " rows only"),
                    column(
                        UpliftMonthlyTable.CAP_REMAINING,
                        MONEY,
                        "Cap left under the new terms after last_month (USD); null when no cap;"
                            + " inbound rows only"),
                    column(
                        UpliftMonthlyTable.OLD_CAP_REMAINING,
                        MONEY,
                        "Cap left under the old terms after last_month (USD); null when no cap;"
                            + " inbound rows only"),
                  })));

  private UpliftQuarterlyTable() {}
}
