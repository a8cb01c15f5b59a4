package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code charges_monthly}: the small monthly aggregate of silver charges that every gold table is
 * computed from (docs/methodology.md#outputs), so no gold table rescans charges. Only rows that
 * count as revenue. Written by ingest for the slices it replaced, so it is per export too.
 */
public final class ChargesMonthlyTable {
  public static final DataType MONEY = ExactDecimal.MONEY;

  public static final String AI_EFFECTIVE = "ai_effective_revenue";
  public static final String CHARGE_ROWS = "charge_rows";

  /** The amounts in billing_currency, each with a reporting-currency twin. */
  public static final List<String> AMOUNTS =
      List.of(
          Columns.BILLED_REVENUE,
          Columns.EFFECTIVE_REVENUE,
          Columns.AI_BILLED_REVENUE,
          AI_EFFECTIVE);

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.CHARGES_MONTHLY,
              TableSpec.Layer.SILVER,
              "Monthly revenue per provider, lab and stream from silver charges that count as"
                  + " revenue (Tax and marketplace excluded by default); the input of every gold"
                  + " table. Amounts in billing_currency, each with its twin in the reporting"
                  + " currency.")
          .columns(
              column(
                  Columns.PROVIDER,
                  DataTypes.StringType,
                  "Cloud provider id (from the export's configuration)"),
              column(
                  Columns.EXPORT_ID,
                  DataTypes.StringType,
                  "Export the charges were delivered in (cloudshift.exports id); sum over it for"
                      + " provider totals"),
              column(
                  Columns.LAB,
                  DataTypes.StringType,
                  "AI lab the charges are attributed to; null for unattributed revenue"),
              column(
                  Columns.STREAM,
                  DataTypes.StringType,
                  "Revenue stream: compute (lab's own accounts), resale (lab's models sold by the"
                      + " provider) or unattributed"),
              column(
                  Columns.MONTH,
                  DataTypes.DateType,
                  "Billing month: first day of BillingPeriodStart's month, UTC"),
              column(
                  Columns.BILLING_CURRENCY,
                  DataTypes.StringType,
                  "ISO 4217 billing currency of the amounts without a _reporting suffix; never"
                      + " summed across currencies"),
              column(
                  ChargeColumns.CHARGE_PERIOD_START,
                  DataTypes.TimestampType,
                  "Start of the charges' ChargePeriod, UTC; a period within one UTC day is"
                      + " widened to that day, so a day's hourly charges are one row"),
              column(
                  ChargeColumns.CHARGE_PERIOD_END,
                  DataTypes.TimestampType,
                  "End (exclusive) of the charges' ChargePeriod, UTC, widened the same way"),
              column(
                  Columns.BILLED_REVENUE,
                  MONEY,
                  "Sum of BilledCost, signed (credits and corrections included): invoiced revenue,"
                      + " in billing_currency"),
              column(
                  Columns.EFFECTIVE_REVENUE,
                  MONEY,
                  "Sum of EffectiveCost, signed: amortised revenue, in billing_currency"),
              column(
                  Columns.AI_BILLED_REVENUE,
                  MONEY,
                  "Sum of BilledCost of AI-workload charges (AI service category or GPU SKU), in"
                      + " billing_currency"),
              column(
                  AI_EFFECTIVE,
                  MONEY,
                  "Sum of EffectiveCost of AI-workload charges, in billing_currency"),
              column(
                  CHARGE_ROWS, DataTypes.LongType, "Number of silver charge rows summed (count)"),
              column(
                  Columns.REPORTING_CURRENCY,
                  DataTypes.StringType,
                  "Currency of the _reporting amounts (cloudshift.reporting-currency)"),
              column(
                  Columns.FX_RATE,
                  ExactDecimal.FRACTION,
                  "Units of reporting_currency per unit of billing_currency: the ECB reference"
                      + " rates of fx_rate_date, crossed through the euro; 1 when the currencies"
                      + " are the same; null when the rates lack the currency or the day"),
              column(
                  Columns.FX_RATE_DATE,
                  DataTypes.DateType,
                  "ECB publication day of fx_rate: the last on or before the day"
                      + " charge_period_start falls on (at most 7 days before it); null when no"
                      + " rate was needed or none was found"),
              column(
                  Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX,
                  MONEY,
                  "billed_revenue × fx_rate, in reporting_currency; null when fx_rate is"),
              column(
                  Columns.EFFECTIVE_REVENUE + Columns.REPORTING_SUFFIX,
                  MONEY,
                  "effective_revenue × fx_rate, in reporting_currency"),
              column(
                  Columns.AI_BILLED_REVENUE + Columns.REPORTING_SUFFIX,
                  MONEY,
                  "ai_billed_revenue × fx_rate, in reporting_currency"),
              column(
                  AI_EFFECTIVE + Columns.REPORTING_SUFFIX,
                  MONEY,
                  "ai_effective_revenue × fx_rate, in reporting_currency"))
          // A run replaces its range (exports × months) and keeps the other runs' files, which the
          // range's statistics let Delta leave unread.
          .statsOn(Columns.EXPORT_ID, Columns.MONTH)
          .replacedByRange()
          .build();

  private ChargesMonthlyTable() {}
}
