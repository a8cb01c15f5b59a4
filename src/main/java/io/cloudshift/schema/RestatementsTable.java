package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code restatements}: what each re-delivery changed in silver (docs/operations.md#restatements).
 * When ingest replaces an (export, billing month) slice that silver held with rows that differ, or
 * removes a month no delivery holds any more, it records the slice's revenue per provider × lab ×
 * stream × billing currency before and after, and the runs and deliveries involved.
 */
public final class RestatementsTable {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType MONEY = ExactDecimal.MONEY;

  public static final String STATUS = "status";
  // Each amount of charges_monthly summed over a slice's group, before and after the run.
  public static final String BEFORE = "_before";
  public static final String AFTER = "_after";
  public static final String ROWS_BEFORE = ChargesMonthlyTable.CHARGE_ROWS + BEFORE;
  public static final String ROWS_AFTER = ChargesMonthlyTable.CHARGE_ROWS + AFTER;
  public static final String BILLED_BEFORE = Columns.BILLED_REVENUE + BEFORE;
  public static final String BILLED_AFTER = Columns.BILLED_REVENUE + AFTER;
  public static final String REPORTING_BEFORE =
      Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX + BEFORE;
  public static final String REPORTING_AFTER =
      Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX + AFTER;
  public static final String PREVIOUS_RUN_ID = "previous_run_id";
  public static final String PREVIOUS_DELIVERY = "previous_delivery";
  public static final String DELIVERY = "delivery";
  public static final String DELIVERY_MODIFIED_AT = "delivery_modified_at";

  /** A slice replaced by a delivery whose rows differ from those silver held. */
  public static final String RESTATED = "RESTATED";

  /** A slice silver held that no delivery holds any more: its rows were removed. */
  public static final String WITHDRAWN = "WITHDRAWN";

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.RESTATEMENTS,
              TableSpec.Layer.AUDIT,
              "What each re-delivery changed in silver: per (export, billing month) slice that a"
                  + " run replaced with different rows (or removed), the revenue per provider, lab,"
                  + " stream and billing currency before and after, with the runs and deliveries"
                  + " involved. Revenue is what charges_monthly counts (Tax and marketplace"
                  + " excluded by default).")
          .columns(
              required(Columns.RUN_ID, TEXT, "Run whose ingest replaced the slice"),
              required(Columns.EXPORT_ID, TEXT, "Export of the slice (cloudshift.exports id)"),
              required(
                  ChargeColumns.BILLING_MONTH,
                  DataTypes.DateType,
                  "Billing month of the slice (first day)"),
              required(
                  STATUS,
                  TEXT,
                  "RESTATED (a new delivery with different rows) or WITHDRAWN (no delivery holds"
                      + " the month any more; its rows were removed)"),
              column(Columns.PROVIDER, TEXT, "Cloud provider id"),
              column(Columns.LAB, TEXT, "AI lab; null for unattributed revenue"),
              column(Columns.STREAM, TEXT, "compute, resale or unattributed"),
              column(Columns.BILLING_CURRENCY, TEXT, "ISO 4217 currency of the _before/_after"),
              column(
                  ROWS_BEFORE,
                  DataTypes.LongType,
                  "Silver charge rows counted as revenue before the run (count; 0 when none)"),
              column(ROWS_AFTER, DataTypes.LongType, "The same after the run (count; 0 when none)"),
              column(
                  BILLED_BEFORE,
                  MONEY,
                  "Sum of BilledCost before the run, in billing_currency (0 when none)"),
              column(BILLED_AFTER, MONEY, "The same after the run, in billing_currency"),
              CurrencyColumnSpecs.reportingCurrency(),
              column(
                  REPORTING_BEFORE,
                  MONEY,
                  "billed_revenue_before in reporting_currency (null when a rate was missing)"),
              column(REPORTING_AFTER, MONEY, "billed_revenue_after in reporting_currency"),
              column(
                  PREVIOUS_RUN_ID,
                  TEXT,
                  "Run that had written the slice (charges.run_id before the run)"),
              column(
                  PREVIOUS_DELIVERY,
                  TEXT,
                  "Delivery the slice came from before: its folder, or its file for exports"
                      + " delivered file by file"),
              column(DELIVERY, TEXT, "Delivery that replaced it; null when WITHDRAWN"),
              column(
                  DELIVERY_MODIFIED_AT,
                  DataTypes.TimestampType,
                  "When that delivery was last written (UTC); null when WITHDRAWN"))
          .replacedByRange()
          .build();

  private RestatementsTable() {}
}
