package io.cloudshift.schema;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Columns of the silver {@code charges} table (docs/methodology.md#outputs): canonical FOCUS
 * subset, typed, attributed.
 */
public final class ChargeColumns {
  public static final String FOCUS_VERSION = "focus_version";
  public static final String BILLING_ACCOUNT_ID = "billing_account_id";
  public static final String BILLING_ACCOUNT_NAME = "billing_account_name";
  public static final String SUB_ACCOUNT_ID = "sub_account_id";
  public static final String SUB_ACCOUNT_NAME = "sub_account_name";
  public static final String BILLING_PERIOD_START = "billing_period_start";
  public static final String BILLING_PERIOD_END = "billing_period_end";

  /** First day of BillingPeriodStart's month (UTC): the partition column. */
  public static final String BILLING_MONTH = "billing_month";

  public static final String CHARGE_PERIOD_START = "charge_period_start";
  public static final String CHARGE_PERIOD_END = "charge_period_end";
  public static final String CHARGE_CATEGORY = "charge_category";
  public static final String CHARGE_CLASS = "charge_class";
  public static final String CHARGE_DESCRIPTION = "charge_description";
  public static final String SERVICE_CATEGORY = "service_category";
  public static final String SERVICE_SUBCATEGORY = "service_subcategory";
  public static final String SERVICE_NAME = "service_name";
  public static final String SKU_ID = "sku_id";
  public static final String SKU_METER = "sku_meter";
  public static final String RESOURCE_TYPE = "resource_type";
  public static final String REGION_ID = "region_id";
  public static final String SELLER_NAME = "seller_name";
  public static final String INVOICE_ISSUER_NAME = "invoice_issuer_name";
  public static final String BILLED_COST = "billed_cost";
  public static final String EFFECTIVE_COST = "effective_cost";
  public static final String LIST_COST = "list_cost";
  public static final String CONTRACTED_COST = "contracted_cost";
  public static final String IS_TAX = "is_tax";
  public static final String IS_MARKETPLACE = "is_marketplace";
  public static final String IS_AI_WORKLOAD = "is_ai_workload";

  /**
   * False for Tax and marketplace rows unless configured otherwise
   * (docs/methodology.md#billing-charges-focus).
   */
  public static final String COUNTS_AS_REVENUE = "counts_as_revenue";

  public static final String ATTRIBUTION_RULE_ID = "attribution_rule_id";
  public static final String ATTRIBUTION_VERSION = "attribution_version";

  /** The silver table's columns, in order. */
  public static final List<String> ALL =
      List.of(
          Columns.EXPORT_ID,
          Columns.PROVIDER,
          FOCUS_VERSION,
          Columns.SOURCE_FILE,
          BILLING_ACCOUNT_ID,
          BILLING_ACCOUNT_NAME,
          SUB_ACCOUNT_ID,
          SUB_ACCOUNT_NAME,
          BILLING_PERIOD_START,
          BILLING_PERIOD_END,
          BILLING_MONTH,
          CHARGE_PERIOD_START,
          CHARGE_PERIOD_END,
          CHARGE_CATEGORY,
          CHARGE_CLASS,
          CHARGE_DESCRIPTION,
          SERVICE_CATEGORY,
          SERVICE_SUBCATEGORY,
          SERVICE_NAME,
          SKU_ID,
          SKU_METER,
          RESOURCE_TYPE,
          REGION_ID,
          SELLER_NAME,
          INVOICE_ISSUER_NAME,
          Columns.BILLING_CURRENCY,
          BILLED_COST,
          EFFECTIVE_COST,
          LIST_COST,
          CONTRACTED_COST,
          IS_TAX,
          IS_MARKETPLACE,
          IS_AI_WORKLOAD,
          COUNTS_AS_REVENUE,
          Columns.LAB,
          Columns.STREAM,
          ATTRIBUTION_RULE_ID,
          ATTRIBUTION_VERSION,
          Columns.RUN_ID);

  /** The silver table's schema: the columns of {@link #ALL} with their types. */
  public static final StructType SCHEMA = schema();

  private ChargeColumns() {}

  private static StructType schema() {
    DataType money = ExactDecimal.MONEY;
    List<String> timestamps =
        List.of(BILLING_PERIOD_START, BILLING_PERIOD_END, CHARGE_PERIOD_START, CHARGE_PERIOD_END);
    List<String> amounts = List.of(BILLED_COST, EFFECTIVE_COST, LIST_COST, CONTRACTED_COST);
    List<String> flags = List.of(IS_TAX, IS_MARKETPLACE, IS_AI_WORKLOAD, COUNTS_AS_REVENUE);
    StructType schema = new StructType();
    for (String column : ALL) {
      DataType type =
          timestamps.contains(column)
              ? DataTypes.TimestampType
              : amounts.contains(column)
                  ? money
                  : flags.contains(column)
                      ? DataTypes.BooleanType
                      : column.equals(BILLING_MONTH) ? DataTypes.DateType : DataTypes.StringType;
      schema = schema.add(column, type, true);
    }
    return schema;
  }
}
