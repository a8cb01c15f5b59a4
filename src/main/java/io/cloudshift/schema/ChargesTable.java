package io.cloudshift.schema;

import static io.cloudshift.schema.ChargeColumns.ATTRIBUTION_RULE_ID;
import static io.cloudshift.schema.ChargeColumns.ATTRIBUTION_VERSION;
import static io.cloudshift.schema.ChargeColumns.BILLED_COST;
import static io.cloudshift.schema.ChargeColumns.BILLING_ACCOUNT_ID;
import static io.cloudshift.schema.ChargeColumns.BILLING_ACCOUNT_NAME;
import static io.cloudshift.schema.ChargeColumns.BILLING_MONTH;
import static io.cloudshift.schema.ChargeColumns.BILLING_PERIOD_END;
import static io.cloudshift.schema.ChargeColumns.BILLING_PERIOD_START;
import static io.cloudshift.schema.ChargeColumns.CHARGE_CATEGORY;
import static io.cloudshift.schema.ChargeColumns.CHARGE_CLASS;
import static io.cloudshift.schema.ChargeColumns.CHARGE_DESCRIPTION;
import static io.cloudshift.schema.ChargeColumns.CHARGE_PERIOD_END;
import static io.cloudshift.schema.ChargeColumns.CHARGE_PERIOD_START;
import static io.cloudshift.schema.ChargeColumns.CONTRACTED_COST;
import static io.cloudshift.schema.ChargeColumns.COUNTS_AS_REVENUE;
import static io.cloudshift.schema.ChargeColumns.EFFECTIVE_COST;
import static io.cloudshift.schema.ChargeColumns.FOCUS_VERSION;
import static io.cloudshift.schema.ChargeColumns.INVOICE_ISSUER_NAME;
import static io.cloudshift.schema.ChargeColumns.IS_AI_WORKLOAD;
import static io.cloudshift.schema.ChargeColumns.IS_MARKETPLACE;
import static io.cloudshift.schema.ChargeColumns.IS_TAX;
import static io.cloudshift.schema.ChargeColumns.LIST_COST;
import static io.cloudshift.schema.ChargeColumns.REGION_ID;
import static io.cloudshift.schema.ChargeColumns.RESOURCE_TYPE;
import static io.cloudshift.schema.ChargeColumns.SELLER_NAME;
import static io.cloudshift.schema.ChargeColumns.SERVICE_CATEGORY;
import static io.cloudshift.schema.ChargeColumns.SERVICE_NAME;
import static io.cloudshift.schema.ChargeColumns.SERVICE_SUBCATEGORY;
import static io.cloudshift.schema.ChargeColumns.SKU_ID;
import static io.cloudshift.schema.ChargeColumns.SKU_METER;
import static io.cloudshift.schema.ChargeColumns.SUB_ACCOUNT_ID;
import static io.cloudshift.schema.ChargeColumns.SUB_ACCOUNT_NAME;
import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code charges}: one row per FOCUS charge, typed, never de-duplicated, with its lab and stream
 * (docs/ingest.md). Partitioned by billing month and export, so replacing an (export, month) slice
 * drops whole partitions instead of rewriting files.
 */
public final class ChargesTable {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType MONEY = ExactDecimal.MONEY;
  private static final DataType INSTANT = DataTypes.TimestampType;
  private static final DataType FLAG = DataTypes.BooleanType;

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.CHARGES,
              TableSpec.Layer.SILVER,
              "One row per FOCUS charge of the latest delivery of every (export, billing month),"
                  + " typed, never de-duplicated, with the lab and revenue stream it is attributed"
                  + " to. Amounts in billing_currency.")
          .columns(
              required(
                  Columns.EXPORT_ID,
                  TEXT,
                  "Export the charge was delivered in (cloudshift.exports id)"),
              required(
                  Columns.PROVIDER,
                  TEXT,
                  "Cloud provider id, from the export's configuration (never a row column)"),
              required(
                  FOCUS_VERSION,
                  TEXT,
                  "FOCUS version detected from the file's columns (1.0-preview … 1.3)"),
              required(
                  Columns.SOURCE_FILE, TEXT, "File the charge was read from, as Spark names it"),
              required(
                  BILLING_ACCOUNT_ID, TEXT, "BillingAccountId as written (leading zeros kept)"),
              column(BILLING_ACCOUNT_NAME, TEXT, "BillingAccountName"),
              column(SUB_ACCOUNT_ID, TEXT, "SubAccountId (subscription, project, linked account)"),
              column(SUB_ACCOUNT_NAME, TEXT, "SubAccountName"),
              required(BILLING_PERIOD_START, INSTANT, "BillingPeriodStart, UTC"),
              required(BILLING_PERIOD_END, INSTANT, "BillingPeriodEnd (exclusive), UTC"),
              required(
                  BILLING_MONTH,
                  DataTypes.DateType,
                  "Billing month: first day of BillingPeriodStart's month, UTC (partition column)"),
              required(CHARGE_PERIOD_START, INSTANT, "ChargePeriodStart, UTC"),
              required(CHARGE_PERIOD_END, INSTANT, "ChargePeriodEnd (exclusive), UTC"),
              required(
                  CHARGE_CATEGORY,
                  TEXT,
                  "ChargeCategory: Usage, Purchase, Tax, Credit or Adjustment"),
              column(
                  CHARGE_CLASS,
                  TEXT,
                  "ChargeClass: Correction for corrections of earlier periods, else null"),
              column(CHARGE_DESCRIPTION, TEXT, "ChargeDescription, kept as written"),
              required(
                  SERVICE_CATEGORY,
                  TEXT,
                  "ServiceCategory (e.g. AI and Machine Learning, Compute)"),
              column(SERVICE_SUBCATEGORY, TEXT, "ServiceSubcategory (FOCUS 1.2+)"),
              required(
                  SERVICE_NAME, TEXT, "ServiceName (e.g. Azure OpenAI Service, Amazon Bedrock)"),
              column(SKU_ID, TEXT, "SkuId"),
              column(SKU_METER, TEXT, "SkuMeter"),
              column(RESOURCE_TYPE, TEXT, "ResourceType (e.g. the instance type)"),
              column(REGION_ID, TEXT, "RegionId (Region before FOCUS 1.0)"),
              column(
                  SELLER_NAME,
                  TEXT,
                  "Who sold the charge: PublisherName up to FOCUS 1.2, ServiceProviderName from"
                      + " 1.3"),
              column(INVOICE_ISSUER_NAME, TEXT, "InvoiceIssuerName"),
              required(
                  Columns.BILLING_CURRENCY, TEXT, "ISO 4217 currency of every amount of the row"),
              required(
                  BILLED_COST,
                  MONEY,
                  "BilledCost, signed: the invoiced amount, the revenue measure"
                      + " (billing_currency)"),
              required(
                  EFFECTIVE_COST,
                  MONEY,
                  "EffectiveCost, signed: the amortised amount, kept alongside (billing_currency)"),
              column(
                  LIST_COST,
                  MONEY,
                  "ListCost (billing_currency); never revenue; null when unreadable"),
              column(
                  CONTRACTED_COST,
                  MONEY,
                  "ContractedCost (billing_currency); never revenue; null when unreadable"),
              required(IS_TAX, FLAG, "Whether the charge is a Tax row"),
              required(
                  IS_MARKETPLACE,
                  FLAG,
                  "Whether a third party sold it (seller neither the invoice issuer nor the"
                      + " provider's first-party names)"),
              required(
                  IS_AI_WORKLOAD,
                  FLAG,
                  "Whether it is AI workload: an AI service category, or a configured GPU SKU"
                      + " pattern"),
              required(
                  COUNTS_AS_REVENUE,
                  FLAG,
                  "Whether it counts as provider revenue (Tax and marketplace rows do not, by"
                      + " default)"),
              column(
                  Columns.LAB,
                  TEXT,
                  "AI lab it is attributed to, in the attribution rules' spelling; null when"
                      + " unattributed"),
              required(
                  Columns.STREAM,
                  TEXT,
                  "compute (a lab's own account), resale (the lab's model sold by the provider) or"
                      + " unattributed"),
              column(
                  ATTRIBUTION_RULE_ID,
                  TEXT,
                  "Rule that attributed it (compute-N, resale-N of the attribution table); null"
                      + " when unattributed"),
              required(ATTRIBUTION_VERSION, TEXT, "Version of the attribution rules applied"),
              required(Columns.RUN_ID, TEXT, "Run that wrote the row"))
          .partitionedBy(BILLING_MONTH, Columns.EXPORT_ID)
          // Delta's default, statistics of the first 32 columns of every file, was a tenth of
          // ingest's task time at 1M rows: only the columns queries on silver filter by (partition
          // columns need none).
          .statsOn(
              Columns.SOURCE_FILE,
              BILLING_ACCOUNT_ID,
              CHARGE_PERIOD_START,
              Columns.LAB,
              Columns.STREAM)
          .replacedByRange()
          .build();

  private ChargesTable() {}
}
