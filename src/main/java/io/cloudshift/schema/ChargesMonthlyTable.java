package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code charges_monthly}: the small monthly aggregate of silver charges that every gold table is
 * computed from (SPEC §3), so no gold table rescans charges. Only rows that count as revenue.
 * Written by ingest for the slices it replaced, so it is per export too.
 */
public final class ChargesMonthlyTable {
  public static final DataType MONEY = DataTypes.createDecimalType(38, 12);

  public static final String PROVIDER = "provider";
  public static final String EXPORT_ID = "export_id";
  public static final String LAB = "lab";
  public static final String STREAM = "stream";
  public static final String MONTH = "month";
  public static final String CURRENCY = "billing_currency";
  public static final String BILLED = "billed_revenue";
  public static final String EFFECTIVE = "effective_revenue";
  public static final String AI_BILLED = "ai_billed_revenue";
  public static final String AI_EFFECTIVE = "ai_effective_revenue";
  public static final String CHARGE_ROWS = "charge_rows";

  public static final TableSpec SPEC = TableSpec.of(Tables.CHARGES_MONTHLY,
      "Monthly revenue per provider, lab and stream from silver charges that count as revenue (Tax and "
          + "marketplace excluded by default); the input of every gold table. Amounts in billing_currency.",
      column(PROVIDER, DataTypes.StringType, "Cloud provider id (from the export's configuration)"),
      column(EXPORT_ID, DataTypes.StringType, "Export the charges were delivered in (cloudshift.exports id); sum over it for provider totals"),
      column(LAB, DataTypes.StringType, "AI lab the charges are attributed to; null for unattributed revenue"),
      column(STREAM, DataTypes.StringType, "Revenue stream: compute (lab's own accounts), resale (lab's models sold by the provider) or unattributed"),
      column(MONTH, DataTypes.DateType, "Billing month: first day of BillingPeriodStart's month, UTC"),
      column(CURRENCY, DataTypes.StringType, "ISO 4217 billing currency of every amount in the row; never summed across currencies"),
      column(BILLED, MONEY, "Sum of BilledCost, signed (credits and corrections included): invoiced revenue, in billing_currency"),
      column(EFFECTIVE, MONEY, "Sum of EffectiveCost, signed: amortised revenue, in billing_currency"),
      column(AI_BILLED, MONEY, "Sum of BilledCost of AI-workload charges (AI service category or GPU SKU), in billing_currency"),
      column(AI_EFFECTIVE, MONEY, "Sum of EffectiveCost of AI-workload charges, in billing_currency"),
      column(CHARGE_ROWS, DataTypes.LongType, "Number of silver charge rows summed (count)"));

  private ChargesMonthlyTable() {}
}
