package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code provider_lab_mix_quarterly} (docs/methodology.md#outputs): per provider × quarter × lab,
 * in the reporting currency, the provider's AI revenue from each lab and each lab's share of the
 * provider's AI revenue. Every quarter appears twice, once per {@link #QUARTER_BASIS}: the calendar
 * quarter and the provider's fiscal quarter (docs/methodology.md#quarters: Microsoft's fiscal year
 * starts 1 July, Oracle's 1 June). Revenue matching no attribution rule is the lab {@link
 * #OTHER_LAB}. Quarter amounts are exact sums of the months.
 */
public final class ProviderLabMixQuarterlyTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType FRACTION = LabProviderMonthlyTable.FRACTION;

  /** The lab value of the provider's unattributed revenue (its other customers). */
  public static final String OTHER_LAB = "(other)";

  public static final String MONTHS_WITH_DATA = "months_with_data";
  public static final String LAB_AI_COMPUTE = "lab_ai_compute_revenue";
  public static final String LAB_AI_RESALE = "lab_ai_resale_revenue";
  public static final String LAB_AI = "lab_ai_revenue";
  public static final String PROVIDER_AI = "provider_ai_revenue";
  public static final String LAB_SHARE = "lab_share_of_provider_ai";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.PROVIDER_LAB_MIX_QUARTERLY,
          "Per provider x quarter (calendar and the provider's fiscal quarters) x lab: the"
              + " provider's AI-workload revenue from each lab (compute + resale; unattributed"
              + " revenue as lab '(other)') and the lab's share of the provider's AI revenue."
              + " Quarter amounts are sums of the billing months; amounts in reporting_currency.",
          TableSpec.join(
              column(Columns.PROVIDER, DataTypes.StringType, "Cloud provider id"),
              QuarterColumnSpecs.quarter(),
              column(
                  MONTHS_WITH_DATA,
                  DataTypes.IntegerType,
                  "Months of the quarter (0-3) in which the provider has any revenue row in"
                      + " charges_monthly: below 3, the quarter is only partly covered by the"
                      + " data"),
              column(
                  Columns.LAB,
                  DataTypes.StringType,
                  "AI lab; '(other)' for the provider's revenue matching no attribution rule"),
              CurrencyColumnSpecs.reportingCurrency(),
              column(
                  LAB_AI_COMPUTE,
                  MONEY,
                  "AI-workload BilledCost of the lab's own accounts (stream compute) in the quarter"
                      + " (reporting_currency); 0 for '(other)'"),
              column(
                  LAB_AI_RESALE,
                  MONEY,
                  "AI-workload BilledCost of the lab's models resold by the provider (stream"
                      + " resale) in the quarter (reporting_currency); 0 for '(other)'"),
              column(
                  LAB_AI,
                  MONEY,
                  "The provider's AI-workload revenue from the lab: compute + resale, or the"
                      + " unattributed AI revenue for '(other)' (reporting_currency)"),
              column(
                  PROVIDER_AI,
                  MONEY,
                  "The provider's total AI-workload revenue in the quarter over all labs and"
                      + " '(other)' (reporting_currency)"),
              column(
                  LAB_SHARE,
                  FRACTION,
                  "lab_ai_revenue / provider_ai_revenue (fraction 0..1); null when the provider"
                      + " total is <= 0")));

  private ProviderLabMixQuarterlyTable() {}
}
