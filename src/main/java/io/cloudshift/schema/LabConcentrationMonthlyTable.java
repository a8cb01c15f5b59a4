package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code lab_concentration_monthly} (docs/methodology.md#outputs,
 * docs/methodology.md#concentration): per lab × stream × month, how concentrated the lab's spend is
 * across providers: total T, providers with revenue, HHI = Σ s² × 10 000, effective number of
 * providers = 10 000 / HHI, and the top provider. Computed from {@code lab_provider_monthly}, so
 * months without spend have a row with T = 0 and null metrics.
 */
public final class LabConcentrationMonthlyTable {
  public static final DataType MONEY = ChargesMonthlyTable.MONEY;
  public static final DataType FRACTION = LabProviderMonthlyTable.FRACTION;

  /** HHI points (0..10 000 when no share is negative) and effective provider counts. */
  public static final DataType INDEX = DataTypes.createDecimalType(38, 12);

  public static final String PROVIDER_COUNT = "provider_count";
  public static final String HHI = "hhi";
  public static final String EFFECTIVE_PROVIDERS = "effective_providers";
  public static final String TOP_PROVIDER = "top_provider";
  public static final String TOP_SHARE = "top_share";

  public static final TableSpec SPEC =
      TableSpec.of(
          Tables.LAB_CONCENTRATION_MONTHLY,
          "Per lab x stream x month: the lab's total spend across providers and how concentrated it"
              + " is (HHI = sum of squared provider shares x 10000, effective number of providers ="
              + " 10000 / HHI, top provider and its share), docs/methodology.md#concentration."
              + " Amounts in reporting_currency; metrics are null when the total is <= 0.",
          column(Columns.LAB, DataTypes.StringType, "AI lab"),
          column(
              Columns.STREAM,
              DataTypes.StringType,
              "compute (lab's own accounts) or resale (lab's models sold by the provider)"),
          column(Columns.MONTH, DataTypes.DateType, "Billing month (first day)"),
          CurrencyColumnSpecs.reportingCurrency(),
          column(
              Columns.LAB_STREAM_TOTAL,
              MONEY,
              "T: the lab's stream total over all providers in the month, sum of BilledCost"
                  + " (reporting_currency)"),
          column(
              PROVIDER_COUNT,
              DataTypes.IntegerType,
              "Number of providers with revenue R > 0 from the lab in the stream and month"
                  + " (count)"),
          column(
              HHI,
              INDEX,
              "Herfindahl-Hirschman index: sum over providers of share squared x 10000 (points,"
                  + " 10000 = one provider); null when T <= 0; every share counts, so a credit"
                  + " making one share negative can push it above 10000"),
          column(
              EFFECTIVE_PROVIDERS,
              INDEX,
              "Effective number of providers: 10000 / HHI (count-equivalent); null when T <= 0"),
          column(
              TOP_PROVIDER,
              DataTypes.StringType,
              "Provider with the largest share (ties: first provider id alphabetically); null when"
                  + " T <= 0"),
          column(
              TOP_SHARE,
              FRACTION,
              "Share of the top provider, R / T (fraction 0..1); null when T <= 0"));

  private LabConcentrationMonthlyTable() {}
}
