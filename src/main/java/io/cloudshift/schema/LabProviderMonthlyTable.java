package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code lab_provider_monthly} (SPEC §3, §4): per lab × provider × stream × month × currency, the
 * provider's revenue from the lab R, the lab's stream total T over providers, the share s = R/T, the
 * terms in force and the provider's net revenue after revenue shares. The grid is complete: every
 * provider a lab ever used in a stream has a row for every month of the data (R = 0 when absent).
 */
public final class LabProviderMonthlyTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType FRACTION = DataTypes.createDecimalType(38, 18);

  public static final String LAB = "lab";
  public static final String PROVIDER = "provider";
  public static final String STREAM = "stream";
  public static final String MONTH = "month";
  public static final String CURRENCY = "billing_currency";
  public static final String CALENDAR_QUARTER = "calendar_quarter";
  public static final String FISCAL_YEAR = "fiscal_year";
  public static final String FISCAL_QUARTER = "fiscal_quarter";
  /** R_k(L,P,m). */
  public static final String BILLED = "billed_revenue";
  public static final String EFFECTIVE = "effective_revenue";
  public static final String AI_BILLED = "ai_billed_revenue";
  /** T_k(L,m). */
  public static final String STREAM_TOTAL = "lab_stream_total";
  public static final String STREAM_TOTAL_EFFECTIVE = "lab_stream_total_effective";
  /** s_k(L,P,m) = R / T, null when T ≤ 0. */
  public static final String SHARE = "share";
  public static final String SHARE_EFFECTIVE = "share_effective";
  public static final String TERMS_RECORD_ID = "terms_record_id";
  public static final String EXCLUSIVITY = "exclusivity";
  public static final String RESALE_SHARE_TO_LAB = "resale_share_to_lab";
  public static final String LAB_SHARE_TO_PROVIDER = "lab_share_to_provider";
  /** R·(1 − p) for resale, R for compute (SPEC §4 provider net, without the inbound share). */
  public static final String PROVIDER_NET = "provider_net_revenue";

  public static final TableSpec SPEC = TableSpec.of(Tables.LAB_PROVIDER_MONTHLY,
      "Per lab x provider x stream x month: provider revenue from the lab, the lab's stream total across providers, "
          + "the provider's share of it, the partnership terms in force and the provider's net revenue after the "
          + "revenue share it pays the lab (SPEC 4). Amounts in billing_currency; shares are fractions 0..1.",
      column(LAB, DataTypes.StringType, "AI lab"),
      column(PROVIDER, DataTypes.StringType, "Cloud provider id"),
      column(STREAM, DataTypes.StringType, "compute (lab's own accounts) or resale (lab's models sold by the provider)"),
      column(MONTH, DataTypes.DateType, "Billing month (first day)"),
      column(CURRENCY, DataTypes.StringType, "ISO 4217 currency of every amount in the row"),
      column(CALENDAR_QUARTER, DataTypes.StringType, "Calendar quarter of the month, e.g. 2026Q2"),
      column(FISCAL_YEAR, DataTypes.IntegerType, "Provider fiscal year (named by the calendar year it ends in)"),
      column(FISCAL_QUARTER, DataTypes.IntegerType, "Provider fiscal quarter 1-4"),
      column(BILLED, MONEY, "R: provider revenue from the lab in the stream, sum of BilledCost (billing_currency)"),
      column(EFFECTIVE, MONEY, "Amortised variant of R, sum of EffectiveCost (billing_currency)"),
      column(AI_BILLED, MONEY, "AI-workload subset of R (billing_currency)"),
      column(STREAM_TOTAL, MONEY, "T: the lab's stream total over all providers in the month (billing_currency)"),
      column(STREAM_TOTAL_EFFECTIVE, MONEY, "Amortised variant of T (billing_currency)"),
      column(SHARE, FRACTION, "s = R / T, the provider's share of the lab's stream spend (fraction); null when T <= 0"),
      column(SHARE_EFFECTIVE, FRACTION, "Amortised share: effective R / effective T (fraction); null when that T <= 0"),
      column(TERMS_RECORD_ID, DataTypes.StringType, "Partnership record in force in the month; null when none"),
      column(EXCLUSIVITY, DataTypes.StringType, "Exclusivity in force: exclusive, rofr or none; null when no terms"),
      column(RESALE_SHARE_TO_LAB, DataTypes.createDecimalType(9, 6), "p: fraction of resale revenue the provider pays the lab; null = none known"),
      column(LAB_SHARE_TO_PROVIDER, DataTypes.createDecimalType(9, 6), "q: fraction of the lab's own revenue the lab pays the provider; null = none known"),
      column(PROVIDER_NET, MONEY, "Provider net revenue from the stream: R for compute, R x (1 - p) for resale (billing_currency)"));

  private LabProviderMonthlyTable() {}
}
