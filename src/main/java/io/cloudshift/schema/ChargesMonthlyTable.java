package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

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

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.CHARGES_MONTHLY,
              TableSpec.Layer.SILVER,
              "Monthly revenue per provider, lab and stream from silver charges that count as"
                  + " revenue (Tax and marketplace excluded by default); the input of every gold"
                  + " table. Amounts in billing_currency.")
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
                  "ISO 4217 billing currency of every amount in the row; never summed across"
                      + " currencies"),
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
                  CHARGE_ROWS, DataTypes.LongType, "Number of silver charge rows summed (count)"))
          .replacedByRange()
          .build();

  private ChargesMonthlyTable() {}
}
