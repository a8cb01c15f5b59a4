package io.cloudshift.schema;

import java.util.List;
import java.util.Map;

/**
 * FOCUS column names as providers write them, and the renames between versions (docs/ingest.md,
 * "How ingest reads FOCUS"). Canonical names are those of FOCUS 1.2, plus ServiceProviderName
 * (1.3).
 */
public final class FocusColumns {
  public static final String BILLED_COST = "BilledCost";
  public static final String EFFECTIVE_COST = "EffectiveCost";
  public static final String LIST_COST = "ListCost";
  public static final String CONTRACTED_COST = "ContractedCost";
  public static final String BILLING_ACCOUNT_ID = "BillingAccountId";
  public static final String BILLING_ACCOUNT_NAME = "BillingAccountName";
  public static final String SUB_ACCOUNT_ID = "SubAccountId";
  public static final String SUB_ACCOUNT_NAME = "SubAccountName";
  public static final String BILLING_CURRENCY = "BillingCurrency";
  public static final String BILLING_PERIOD_START = "BillingPeriodStart";
  public static final String BILLING_PERIOD_END = "BillingPeriodEnd";
  public static final String CHARGE_PERIOD_START = "ChargePeriodStart";
  public static final String CHARGE_PERIOD_END = "ChargePeriodEnd";
  public static final String CHARGE_CATEGORY = "ChargeCategory";
  public static final String CHARGE_CLASS = "ChargeClass";
  public static final String CHARGE_DESCRIPTION = "ChargeDescription";
  public static final String SERVICE_CATEGORY = "ServiceCategory";
  public static final String SERVICE_SUBCATEGORY = "ServiceSubcategory";
  public static final String SERVICE_NAME = "ServiceName";
  public static final String SKU_ID = "SkuId";
  public static final String SKU_METER = "SkuMeter";
  public static final String RESOURCE_TYPE = "ResourceType";
  public static final String REGION_ID = "RegionId";
  public static final String INVOICE_ISSUER_NAME = "InvoiceIssuerName";
  public static final String PROVIDER_NAME = "ProviderName";
  public static final String PUBLISHER_NAME = "PublisherName";
  public static final String SERVICE_PROVIDER_NAME = "ServiceProviderName";
  public static final String INVOICE_ID = "InvoiceId";
  public static final String PRICING_CURRENCY = "PricingCurrency";
  public static final String CHARGE_SUBCATEGORY = "ChargeSubcategory";
  public static final String COMMITMENT_DISCOUNT_STATUS = "CommitmentDiscountStatus";
  public static final String CONSUMED_QUANTITY = "ConsumedQuantity";
  public static final String REGION = "Region";
  public static final String USAGE_QUANTITY = "UsageQuantity";

  /** Values of these may not be null once a row is read. */
  public static final List<String> NOT_NULL =
      List.of(
          BILLED_COST,
          EFFECTIVE_COST,
          BILLING_ACCOUNT_ID,
          BILLING_CURRENCY,
          BILLING_PERIOD_START,
          BILLING_PERIOD_END,
          CHARGE_CATEGORY,
          CHARGE_PERIOD_START,
          CHARGE_PERIOD_END);

  /**
   * Without these a row cannot be revenue: a file missing one is quarantined whole
   * (MISSING_COLUMN). ServiceCategory and ServiceName must exist as columns but may be empty (Azure
   * leaves ServiceName empty on some purchases and credits, docs/ingest.md, "How ingest reads
   * FOCUS").
   */
  public static final List<String> MANDATORY =
      java.util.stream.Stream.concat(
              NOT_NULL.stream(), java.util.stream.Stream.of(SERVICE_CATEGORY, SERVICE_NAME))
          .toList();

  /**
   * Every column the silver table keeps, in canonical (1.2/1.3) spelling; absent ones become null.
   */
  public static final List<String> KEPT =
      List.of(
          BILLED_COST,
          EFFECTIVE_COST,
          LIST_COST,
          CONTRACTED_COST,
          BILLING_ACCOUNT_ID,
          BILLING_ACCOUNT_NAME,
          SUB_ACCOUNT_ID,
          SUB_ACCOUNT_NAME,
          BILLING_CURRENCY,
          BILLING_PERIOD_START,
          BILLING_PERIOD_END,
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
          INVOICE_ISSUER_NAME,
          PROVIDER_NAME,
          PUBLISHER_NAME,
          SERVICE_PROVIDER_NAME);

  /** Money columns: read as decimals (typed Parquet columns are cast, text is validated first). */
  public static final List<String> MONEY =
      List.of(BILLED_COST, EFFECTIVE_COST, LIST_COST, CONTRACTED_COST);

  /** Date-time columns: read as UTC timestamps. */
  public static final List<String> TIMESTAMPS =
      List.of(BILLING_PERIOD_START, BILLING_PERIOD_END, CHARGE_PERIOD_START, CHARGE_PERIOD_END);

  /** Old name → canonical name (0.5 / 1.0-preview spellings still found in exports). */
  public static final Map<String, String> RENAMES =
      Map.of(
          "ChargeType",
          CHARGE_CATEGORY,
          "AmortizedCost",
          EFFECTIVE_COST,
          "UsageQuantity",
          CONSUMED_QUANTITY,
          "UsageUnit",
          "ConsumedUnit",
          REGION,
          REGION_ID);

  private FocusColumns() {}
}
