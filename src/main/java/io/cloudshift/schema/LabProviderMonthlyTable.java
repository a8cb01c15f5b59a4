package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code lab_provider_monthly} (docs/methodology.md#outputs,
 * docs/methodology.md#revenue-and-shares): per lab × provider × stream × month, in the reporting
 * currency, the provider's revenue from the lab R, the lab's stream total T over providers, the
 * share s = R/T, the terms in force and the provider's net revenue after revenue shares. The grid
 * is complete: every provider a lab ever used in a stream has a row for every month of the data (R
 * = 0 when absent).
 */
public final class LabProviderMonthlyTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType FRACTION = ExactDecimal.FRACTION;

  public static final String STREAM_TOTAL_EFFECTIVE = "lab_stream_total_effective";
  public static final String SHARE_EFFECTIVE = "share_effective";

  /** R as billed, before conversion into the reporting currency. */
  public static final String BILLED_REVENUE_IN_BILLING_CURRENCY =
      "billed_revenue_in_billing_currency";

  /**
   * R·(1 − p) for resale, R for compute (docs/methodology.md#inbound-share provider net, without
   * the inbound share).
   */
  public static final String PROVIDER_NET = "provider_net_revenue";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.LAB_PROVIDER_MONTHLY,
          "Per lab x provider x stream x month: provider revenue from the lab, the lab's stream"
              + " total across providers, the provider's share of it, the partnership terms in"
              + " force and the provider's net revenue after the revenue share it pays the lab"
              + " (docs/methodology.md#revenue-and-shares). Amounts in reporting_currency, summed"
              + " over billing currencies (null when a charge found no reference rate); shares are"
              + " fractions 0..1.",
          TableSpec.join(
              column(Columns.LAB, DataTypes.StringType, "AI lab"),
              column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id"),
              column(
                  Columns.STREAM,
                  DataTypes.StringType,
                  "compute (lab's own accounts) or resale (lab's models sold by the provider)"),
              column(Columns.MONTH, DataTypes.DateType, "Billing month (first day)"),
              column(
                  Columns.REPORTING_CURRENCY,
                  DataTypes.StringType,
                  "ISO 4217 currency of every amount in the row except"
                      + " billed_revenue_in_billing_currency (cloudshift.reporting-currency)"),
              QuarterColumnSpecs.calendarQuarterOfMonth(),
              QuarterColumnSpecs.fiscalQuarterOfMonth(),
              column(
                  Columns.BILLED_REVENUE,
                  MONEY,
                  "R: provider revenue from the lab in the stream, sum of BilledCost"
                      + " (reporting_currency)"),
              column(
                  Columns.EFFECTIVE_REVENUE,
                  MONEY,
                  "Amortised variant of R, sum of EffectiveCost (reporting_currency)"),
              column(
                  Columns.AI_BILLED_REVENUE, MONEY, "AI-workload subset of R (reporting_currency)"),
              column(
                  Columns.LAB_STREAM_TOTAL,
                  MONEY,
                  "T: the lab's stream total over all providers in the month (reporting_currency)"),
              column(STREAM_TOTAL_EFFECTIVE, MONEY, "Amortised variant of T (reporting_currency)"),
              column(
                  Columns.SHARE,
                  FRACTION,
                  "s = R / T, the provider's share of the lab's stream spend (fraction); null when"
                      + " T <= 0"),
              column(
                  SHARE_EFFECTIVE,
                  FRACTION,
                  "Amortised share: effective R / effective T (fraction); null when that T <= 0"),
              column(
                  Columns.TERMS_RECORD_ID,
                  DataTypes.StringType,
                  "Partnership record in force in the month; null when none"),
              column(
                  Columns.EXCLUSIVITY,
                  DataTypes.StringType,
                  "Exclusivity in force: exclusive, rofr or none; null when no terms"),
              column(
                  Columns.RESALE_SHARE_TO_LAB,
                  DataTypes.createDecimalType(9, 6),
                  "p: fraction of resale revenue the provider pays the lab; null = none known"),
              column(
                  Columns.LAB_SHARE_TO_PROVIDER,
                  DataTypes.createDecimalType(9, 6),
                  "q: fraction of the lab's own revenue the lab pays the provider; null = none"
                      + " known"),
              column(
                  PROVIDER_NET,
                  MONEY,
                  "Provider net revenue from the stream: R for compute, R x (1 - p) for resale"
                      + " (reporting_currency)"),
              column(
                  Columns.BILLING_CURRENCY,
                  DataTypes.StringType,
                  "ISO 4217 currency the provider billed the lab in that month; null when it billed"
                      + " in several, or not at all"),
              column(
                  BILLED_REVENUE_IN_BILLING_CURRENCY,
                  MONEY,
                  "R before conversion, in billing_currency; null when billing_currency is null")));

  private LabProviderMonthlyTable() {}
}
