package io.cloudshift.generate;

/**
 * FOCUS column names the generator writes but the ingester does not keep (those it keeps are in
 * {@link io.cloudshift.schema.FocusColumns}). Spelling as in the FOCUS 1.2 / 1.3 specification.
 */
final class GeneratedColumns {
  static final String AVAILABILITY_ZONE = "AvailabilityZone";
  static final String BILLING_ACCOUNT_TYPE = "BillingAccountType";
  static final String CHARGE_FREQUENCY = "ChargeFrequency";
  static final String COMMITMENT_DISCOUNT_CATEGORY = "CommitmentDiscountCategory";
  static final String COMMITMENT_DISCOUNT_ID = "CommitmentDiscountId";
  static final String COMMITMENT_DISCOUNT_NAME = "CommitmentDiscountName";
  static final String COMMITMENT_DISCOUNT_TYPE = "CommitmentDiscountType";
  static final String CONSUMED_UNIT = "ConsumedUnit";
  static final String CONTRACTED_UNIT_PRICE = "ContractedUnitPrice";
  static final String HOST_PROVIDER_NAME = "HostProviderName";
  static final String LIST_UNIT_PRICE = "ListUnitPrice";
  static final String PRICING_CATEGORY = "PricingCategory";
  static final String PRICING_QUANTITY = "PricingQuantity";
  static final String PRICING_UNIT = "PricingUnit";
  static final String REGION_NAME = "RegionName";
  static final String RESOURCE_ID = "ResourceId";
  static final String RESOURCE_NAME = "ResourceName";
  static final String SKU_PRICE_ID = "SkuPriceId";
  static final String SUB_ACCOUNT_TYPE = "SubAccountType";
  static final String TAGS = "Tags";

  private GeneratedColumns() {}
}
