package io.cloudshift.ingest;

import java.util.Set;

/**
 * FOCUS has no version column; like the FinOps hubs ingester, infer it from the columns present
 * (docs/ingest.md, "How ingest reads FOCUS"), newest marker first.
 */
public final class FocusVersion {
  public static final String V1_3 = "1.3+";
  public static final String V1_2 = "1.2";
  public static final String V1_1 = "1.1";
  public static final String V1_0 = "1.0";
  public static final String V1_0_PREVIEW = "1.0-preview";
  public static final String UNKNOWN = "unknown";

  private FocusVersion() {}

  /** {@code columns} are header names as found in the file, in any case. */
  public static String detect(Set<String> headerColumns) {
    Set<String> columns = new java.util.HashSet<>();
    headerColumns.forEach(c -> columns.add(c.toLowerCase(java.util.Locale.ROOT)));
    if (any(columns, "ServiceProviderName", "HostProviderName")) {
      return V1_3;
    }
    if (any(columns, "InvoiceId", "PricingCurrency", "BillingAccountType", "SubAccountType")) {
      return V1_2;
    }
    if (any(
        columns,
        "ServiceSubcategory",
        "SkuMeter",
        "SkuPriceDetails",
        "CapacityReservationId",
        "CommitmentDiscountQuantity")) {
      return V1_1;
    }
    if (any(
        columns,
        "ChargeClass",
        "CommitmentDiscountStatus",
        "ConsumedQuantity",
        "ContractedCost",
        "RegionId")) {
      return V1_0;
    }
    if (any(
        columns, "ChargeSubcategory", "ChargeType", "AmortizedCost", "UsageQuantity", "Region")) {
      return V1_0_PREVIEW;
    }
    return UNKNOWN;
  }

  private static boolean any(Set<String> columns, String... markers) {
    for (String m : markers) {
      if (columns.contains(m.toLowerCase(java.util.Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
