package io.cloudshift.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The column set of one provider's synthetic export: a FOCUS version plus a few provider x_ columns
 * (which FOCUS places after its own columns). The versions differ on purpose so the ingester meets
 * 1.0, 1.2 and 1.3 files: Azure, AWS and Google write 1.2, Oracle 1.0 (its FOCUS reports were 1.0),
 * CoreWeave 1.3.
 */
record ExportLayout(GeneratedFocusVersion version, List<String> extensionColumns) {
  static final String X_BILLING_PROFILE_ID = "x_BillingProfileId";
  static final String X_BILLING_PROFILE_NAME = "x_BillingProfileName";
  static final String X_SKU_METER_CATEGORY = "x_SkuMeterCategory";
  static final String X_SERVICE_CODE = "x_ServiceCode";
  static final String X_USAGE_TYPE = "x_UsageType";
  static final String X_OPERATION = "x_Operation";

  /** Every x_ column any layout writes. */
  static final List<String> EXTENSION_COLUMNS =
      List.of(
          X_BILLING_PROFILE_ID,
          X_BILLING_PROFILE_NAME,
          X_SKU_METER_CATEGORY,
          X_SERVICE_CODE,
          X_USAGE_TYPE,
          X_OPERATION);

  static ExportLayout forProvider(String providerId) {
    return switch (providerId) {
      case "azure" ->
          new ExportLayout(
              GeneratedFocusVersion.V1_2,
              List.of(X_BILLING_PROFILE_ID, X_BILLING_PROFILE_NAME, X_SKU_METER_CATEGORY));
      case "aws" ->
          new ExportLayout(
              GeneratedFocusVersion.V1_2, List.of(X_SERVICE_CODE, X_USAGE_TYPE, X_OPERATION));
      case "oci" -> new ExportLayout(GeneratedFocusVersion.V1_0, List.of());
      case "coreweave" -> new ExportLayout(GeneratedFocusVersion.V1_3, List.of());
      default -> new ExportLayout(GeneratedFocusVersion.V1_2, List.of());
    };
  }

  /** FOCUS columns of the version, then the x_ columns. */
  List<FocusColumn> columns() {
    List<FocusColumn> all = new ArrayList<>(version.columns());
    for (String extension : extensionColumns) {
      all.add(new FocusColumn(extension, FocusColumn.Type.STRING, version));
    }
    return List.copyOf(all);
  }
}
