package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code uplift_monthly} (docs/methodology.md#outputs, docs/methodology.md#uplift Uplift
 * (counterfactual)"): per terms-change event × stream × month from the event month on, the
 * provider's actual net revenue from the lab under the new terms, the counterfactual under the old
 * terms with the share frozen at its pre-event baseline, the uplift, its split into volume / share
 * / margin effects against the pre-event level, and the break-even share. The inbound share (what
 * the lab pays the provider) has its own rows, {@code stream = 'inbound'}, so an event's total
 * effect on the provider is the sum of {@code uplift} over its compute, resale and inbound rows.
 * Every amount is in the reporting currency.
 *
 * <p>Exactness: every product and quotient is computed exactly and rounded once, half even, to 12
 * decimals (money) or 18 (fractions); the effects are differences of those rounded products, so
 * {@code volume_effect + share_effect + margin_effect = net_actual - net_pre_event} and {@code
 * share_effect + margin_effect = uplift} hold exactly on the stored decimals.
 */
public final class UpliftMonthlyTable {
  public static final DataType MONEY = LabProviderMonthlyTable.MONEY;
  public static final DataType FRACTION = LabProviderMonthlyTable.FRACTION;
  public static final DataType RATE = PartnershipColumns.SHARE;
  public static final DataType USD = PartnershipColumns.USD;

  /**
   * Stream value of the inbound-share rows (the other streams are {@link Stream#COMPUTE} and {@link
   * Stream#RESALE}).
   */
  public static final String INBOUND = "inbound";

  // The event (constant on all its rows)
  public static final String NEXT_EVENT_MONTH = "next_event_month";
  // The row
  public static final String MONTHS_AFTER_EVENT = "months_after_event";

  /** frozen, trend or control (docs/methodology.md#counterfactual-models). */
  public static final String MODEL = "model";

  /** s_cf(m): the model's counterfactual share, which replaces s0 in every identity. */
  public static final String COUNTERFACTUAL_SHARE = "counterfactual_share";

  public static final String CONTROL_LABS = "control_labs";
  public static final String MODEL_NOTE = "model_note";

  /** f: the fraction of the month after the change (docs/methodology.md#terms-by-the-instant). */
  public static final String MONTH_FRACTION_AFTER = "month_fraction_after_change";

  /** g0 = 1 − p0 (resale), 1 (compute). */
  public static final String RETAINED_OLD = "retained_fraction_old";

  /** g1 = 1 − p1 (resale), 1 (compute). */
  public static final String RETAINED_NEW = "retained_fraction_new";

  public static final String BASELINE_FROM = "baseline_from";
  public static final String BASELINE_MONTHS = "baseline_months";

  /** s0. */
  public static final String BASELINE_SHARE = "baseline_share";

  /** T0. */
  public static final String BASELINE_STREAM_TOTAL = "baseline_stream_total";

  public static final String NET_ACTUAL = "net_actual";
  public static final String NET_COUNTERFACTUAL = "net_counterfactual";
  public static final String UPLIFT = "uplift";
  public static final String NET_PRE_EVENT = "net_pre_event";
  public static final String VOLUME_EFFECT = "volume_effect";
  public static final String SHARE_EFFECT = "share_effect";
  public static final String MARGIN_EFFECT = "margin_effect";
  public static final String CAP_REMAINING = "cap_remaining_usd";
  public static final String OLD_CAP_REMAINING = "old_cap_remaining_usd";

  static final TableSpec.Column[] EVENT_COLUMNS = {
    column(
        Columns.EVENT_ID,
        DataTypes.StringType,
        "Terms-change event: record_id of the partnership version in force in the event month (the"
            + " new terms)"),
    column(Columns.LAB, DataTypes.StringType, "AI lab"),
    column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id"),
    column(
        Columns.EVENT_MONTH,
        DataTypes.DateType,
        "d: first month governed by the new terms (first day; a change on 27 April governs April)"),
    column(
        Columns.EFFECTIVE_FROM,
        DataTypes.DateType,
        "effective_from of the new terms' record (day)"),
    column(
        Columns.OLD_TERMS_RECORD_ID,
        DataTypes.StringType,
        "Record in force the month before d (the old terms); null for a first deal (no terms: no"
            + " shares)"),
    column(
        Columns.OLD_EXCLUSIVITY,
        DataTypes.StringType,
        "Exclusivity before the event: exclusive, rofr, none; null for a first deal"),
    column(
        Columns.NEW_EXCLUSIVITY,
        DataTypes.StringType,
        "Exclusivity from the event on: exclusive, rofr, none"),
    column(
        NEXT_EVENT_MONTH,
        DataTypes.DateType,
        "Month of the next terms change of the same lab x provider (null: none). Rows from that"
            + " month on still compare this event's new and old terms; keep month <"
            + " next_event_month to avoid counting a later change twice"),
    column(
        Columns.OLD_RESALE_SHARE_TO_LAB,
        RATE,
        "p0: fraction of resale revenue the provider paid the lab under the old terms (fraction;"
            + " null = none known, used as 0)"),
    column(
        Columns.NEW_RESALE_SHARE_TO_LAB,
        RATE,
        "p1: the same under the new terms (fraction; null = none known, used as 0)"),
    column(
        Columns.OLD_LAB_SHARE_TO_PROVIDER,
        RATE,
        "q0: fraction of the lab's revenue the lab paid the provider under the old terms (fraction;"
            + " null = none, used as 0)"),
    column(
        Columns.NEW_LAB_SHARE_TO_PROVIDER,
        RATE,
        "q1: the same under the new terms (fraction; null = none, used as 0)"),
    column(
        Columns.OLD_LAB_SHARE_CAP_USD,
        USD,
        "C0: cumulative cap of the inbound share under the old terms (USD; null = no cap)"),
    column(
        Columns.NEW_LAB_SHARE_CAP_USD,
        USD,
        "C1: cumulative cap of the inbound share under the new terms (USD; null = no cap)"),
  };

  /** Names of the event's columns, constant on all of an event's rows, in table order. */
  public static final java.util.List<String> EVENT_COLUMN_NAMES =
      java.util.Arrays.stream(EVENT_COLUMNS).map(TableSpec.Column::name).toList();

  static final TableSpec.Column[] ROW_COLUMNS = {
    column(
        Columns.STREAM,
        DataTypes.StringType,
        "compute (lab's own accounts), resale (lab's models sold by the provider) or inbound (share"
            + " of the lab's revenue paid to the provider)"),
    column(
        MODEL,
        DataTypes.StringType,
        "Counterfactual model (docs/methodology.md#counterfactual-models): frozen (the share"
            + " stays at s0), trend (the pre-event least-squares line, clipped to 0..1) or control"
            + " (s0 moved as the provider's share among labs whose terms did not change); every"
            + " event, stream and month has one row per model, inbound rows repeated: filter one"
            + " model before summing"),
    CurrencyColumnSpecs.reportingCurrency(),
  };

  static final TableSpec.Column[] MODEL_COLUMNS = {
    column(
        COUNTERFACTUAL_SHARE,
        FRACTION,
        "s_cf: the model's counterfactual share in the month (fraction), in place of s0 in N_cf,"
            + " N_pre, the three effects and s*; s0 for frozen; null when the model has none"
            + " (model_note says why) and on inbound rows"),
    column(
        CONTROL_LABS,
        DataTypes.IntegerType,
        "Control model: number of control labs in the month (0 when none); null for the other"
            + " models"),
    column(
        MODEL_NOTE,
        DataTypes.StringType,
        "Why the model has no counterfactual share this month; null when it has one"),
  };

  static final TableSpec.Column[] BASELINE_COLUMNS = {
    column(
        RETAINED_OLD,
        FRACTION,
        "g0 = 1 - p0 for resale, 1 for compute: fraction of R the provider keeps under the old"
            + " terms; null on inbound rows"),
    column(
        RETAINED_NEW,
        FRACTION,
        "g1 = 1 - p1 for resale, 1 for compute: fraction of R the provider keeps under the new"
            + " terms; null on inbound rows"),
    column(
        BASELINE_FROM,
        DataTypes.DateType,
        "First month of the baseline window [d - w0, d), w0 = windows.baseline-months (default 6);"
            + " null on inbound rows"),
    column(
        BASELINE_MONTHS,
        DataTypes.IntegerType,
        "Months of data inside the baseline window (0 when the event is in the first month of"
            + " data); null on inbound rows"),
    column(
        BASELINE_SHARE,
        FRACTION,
        "s0: spend-weighted share over the baseline months, sum R / sum T (fraction); null when"
            + " there are no baseline months or their sum T <= 0, and then every counterfactual"
            + " column is null"),
    column(
        BASELINE_STREAM_TOTAL,
        MONEY,
        "T0: average monthly lab stream total over the baseline months (reporting_currency per"
            + " month); null when no baseline months"),
  };

  static final TableSpec.Column[] EFFECT_COLUMNS = {
    column(
        NET_ACTUAL,
        MONEY,
        "N_act: provider net revenue under the new terms = R x g1 (= s x T x g1); inbound rows: I"
            + " under the new rate and cap (reporting_currency)"),
    column(
        NET_COUNTERFACTUAL,
        MONEY,
        "N_cf: old terms kept, the model's share, stream total as observed = s_cf x T x g0;"
            + " inbound rows: I under the old rate and cap (reporting_currency)"),
    column(
        UPLIFT,
        MONEY,
        "U = N_act - N_cf (reporting_currency); on inbound rows the inbound-share difference"),
    column(
        NET_PRE_EVENT,
        MONEY,
        "N_pre = s_cf x T0 x g0 x f: the pre-event monthly level (reporting_currency); null on"
            + " inbound rows"),
    column(
        VOLUME_EFFECT,
        MONEY,
        "s_cf x (T - T0 x f) x g0: change from the lab's stream total moving"
            + " (reporting_currency); null on inbound rows"),
    column(
        SHARE_EFFECT,
        MONEY,
        "(s - s_cf) x T x g0 = R x g0 - N_cf: change from the provider's share moving"
            + " (reporting_currency); null on inbound rows"),
    column(
        MARGIN_EFFECT,
        MONEY,
        "s x T x (g1 - g0) = R x (g1 - g0): change from the new revenue share (reporting_currency);"
            + " null on inbound rows and with the counterfactual"),
    column(
        Columns.BREAK_EVEN_SHARE,
        FRACTION,
        "s* = s_cf x g0 / g1: the share the provider must keep to be no worse off than under the"
            + " old terms (fraction); null when g1 = 0 or s_cf is null, and on inbound rows"),
  };

  static final TableSpec.Column[] INBOUND_COLUMNS = {
    column(
        Columns.LAB_REVENUE_USD,
        MONEY,
        "LabRevenue(L, m): the lab's monthly revenue from lab_revenue (covering figure with the"
            + " latest period_start, else the latest earlier figure carried forward; USD); inbound"
            + " rows only"),
    column(
        Columns.LAB_REVENUE_FACT_ID,
        DataTypes.StringType,
        "fact_id of the lab_revenue figure used; null when none (before the lab's first figure);"
            + " inbound rows only"),
    column(
        CAP_REMAINING,
        MONEY,
        "C1 minus the inbound share paid under the new terms from the event month through this"
            + " month (USD); null when no cap; inbound rows only"),
    column(
        OLD_CAP_REMAINING,
        MONEY,
        "C0 minus the inbound share the old terms would have paid from the event month through this"
            + " month (USD); null when no cap; inbound rows only"),
  };

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.UPLIFT_MONTHLY,
          "Per partnership terms change x stream x month from the event month on"
              + " (docs/methodology.md#terms-in-force, uplift): provider net revenue from the lab"
              + " under the new terms (actual) vs the old terms with the share frozen at its"
              + " pre-event baseline (counterfactual), the uplift, its split into volume, share and"
              + " margin effects against the pre-event level, and the break-even share; the inbound"
              + " share the lab pays the provider has its own rows (stream = inbound). Amounts"
              + " in reporting_currency, exact to 1e-12; shares are fractions.",
          TableSpec.join(
              concat(
                  EVENT_COLUMNS,
                  ROW_COLUMNS,
                  TableSpec.join(
                      column(
                          Columns.MONTH,
                          DataTypes.DateType,
                          "Billing month (first day), from the event month to the last month of"
                              + " lab_provider_monthly"),
                      column(
                          MONTHS_AFTER_EVENT,
                          DataTypes.IntegerType,
                          "Months since the event month (0 in the event month)"),
                      column(
                          MONTH_FRACTION_AFTER,
                          FRACTION,
                          "f: fraction of the month under the new terms, from effective_from 00:00"
                              + " UTC to the month's end in the event month (4/30 from 27 April), 1"
                              + " later; R, T, s, the net revenues and the inbound share of the"
                              + " event month cover that part only, and N_pre is scaled by it"),
                      QuarterColumnSpecs.calendarQuarterOfMonth(),
                      QuarterColumnSpecs.fiscalQuarterOfMonth(),
                      column(
                          Columns.BILLED_REVENUE,
                          MONEY,
                          "R: provider revenue from the lab in the stream (reporting_currency),"
                              + " in the event month its part after the change; null on inbound"
                              + " rows"),
                      column(
                          Columns.LAB_STREAM_TOTAL,
                          MONEY,
                          "T: the lab's stream total over all providers (reporting_currency), in"
                              + " the event month its part after the change; null on inbound rows"),
                      column(
                          Columns.SHARE,
                          FRACTION,
                          "s = R / T (fraction); null when T <= 0 and on inbound rows")),
                  BASELINE_COLUMNS,
                  MODEL_COLUMNS,
                  EFFECT_COLUMNS,
                  INBOUND_COLUMNS)));

  private UpliftMonthlyTable() {}

  static TableSpec.Column[] concat(TableSpec.Column[]... parts) {
    return java.util.Arrays.stream(parts)
        .flatMap(java.util.Arrays::stream)
        .toArray(TableSpec.Column[]::new);
  }
}
