package io.cloudshift.generate;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Values of the provider x_ columns (FOCUS's custom-column convention): Azure's billing profile and
 * meter category, AWS's service code, usage type and operation. Set on every row; only the columns
 * of the export's layout are written.
 */
final class ExtensionColumns {
  private static final Map<String, String> AWS_SERVICE_CODES =
      Map.ofEntries(
          Map.entry("Amazon Elastic Compute Cloud", "AmazonEC2"),
          Map.entry("Amazon SageMaker", "AmazonSageMaker"),
          Map.entry("Amazon Simple Storage Service", "AmazonS3"),
          Map.entry("Amazon Bedrock", "AmazonBedrock"),
          Map.entry("Amazon Relational Database Service", "AmazonRDS"),
          Map.entry("Amazon DynamoDB", "AmazonDynamoDB"),
          Map.entry("AWS Data Transfer", "AWSDataTransfer"),
          Map.entry("Amazon CloudFront", "AmazonCloudFront"),
          Map.entry("Amazon Athena", "AmazonAthena"),
          Map.entry("Amazon CloudWatch", "AmazonCloudWatch"),
          Map.entry("Amazon Elastic Kubernetes Service", "AmazonEKS"));

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

  // Service codes and region codes depend only on a service name or a region, of which there are a
  // handful; remembering them keeps regex and splitting out of the per-row work.
  private static final Map<String, String> SERVICE_CODES = new ConcurrentHashMap<>();
  private static final Map<String, String> REGION_CODES = new ConcurrentHashMap<>();

  private ExtensionColumns() {}

  static void account(Charge charge, Account account) {
    charge
        .set(
            ExportLayout.X_BILLING_PROFILE_ID,
            account.billingAccountId()
                + "/billingProfiles/"
                + StableHash.hex(account.billingAccountId(), 4).toUpperCase(Locale.ROOT)
                + "-"
                + StableHash.hex(account.billingAccountId() + "bp", 4).toUpperCase(Locale.ROOT)
                + "-BG7-PGB")
        .set(
            ExportLayout.X_BILLING_PROFILE_NAME, account.billingAccountName() + " billing profile");
  }

  static void product(Charge charge, Sku sku) {
    String serviceCode =
        SERVICE_CODES.computeIfAbsent(sku.serviceName(), ExtensionColumns::serviceCode);
    String region = charge.text(io.cloudshift.schema.FocusColumns.REGION_ID);
    String regionPrefix =
        region == null
            ? ""
            : REGION_CODES.computeIfAbsent(region, ExtensionColumns::regionCode) + "-";
    String usage =
        sku.pricingUnit().equals("Hours") && serviceCode.equals("AmazonEC2")
            ? "BoxUsage:" + sku.skuMeter()
            : sku.skuMeter();
    charge
        .set(ExportLayout.X_SKU_METER_CATEGORY, sku.serviceName())
        .set(ExportLayout.X_SERVICE_CODE, serviceCode)
        .set(ExportLayout.X_USAGE_TYPE, regionPrefix + usage)
        .set(
            ExportLayout.X_OPERATION,
            switch (serviceCode) {
              case "AmazonEC2" -> "RunInstances";
              case "AmazonBedrock" -> "InvokeModel";
              default -> "Usage";
            });
  }

  /** AWS's service code where known, else the service name without punctuation or spaces. */
  private static String serviceCode(String serviceName) {
    return AWS_SERVICE_CODES.getOrDefault(
        serviceName, NOT_ALPHANUMERIC.matcher(serviceName).replaceAll(""));
  }

  /** us-east-1 → USE1, as in AWS usage types. */
  private static String regionCode(String region) {
    StringBuilder code = new StringBuilder();
    String[] parts = region.split("-");
    for (int i = 0; i < parts.length; i++) {
      code.append(
          i == 0
              ? parts[i].toUpperCase(Locale.ROOT)
              : parts[i].substring(0, 1).toUpperCase(Locale.ROOT));
    }
    return code.toString();
  }
}
