package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code attribution}: the configured rules that map charges to labs and streams, with their
 * version (docs/methodology.md#attribution).
 */
public final class AttributionRulesTable {
  public static final String RULE_ID = "rule_id";
  public static final String SKU_PATTERN = "sku_pattern";
  public static final String VALID_FROM_MONTH = "valid_from_month";
  public static final String VALID_TO_MONTH = "valid_to_month";

  private static final DataType TEXT = DataTypes.StringType;

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.ATTRIBUTION,
              TableSpec.Layer.SILVER,
              "The attribution rules of the run (cloudshift.attribution): a lab's own billing"
                  + " accounts (compute) and the provider's services selling a lab's models"
                  + " (resale); replaced every run.")
          .columns(
              required(
                  RULE_ID, TEXT, "compute-N or resale-N: the rule's position in the configuration"),
              required(
                  ChargeColumns.ATTRIBUTION_VERSION,
                  TEXT,
                  "Version of the rules (cloudshift.attribution.version)"),
              required(Columns.STREAM, TEXT, "compute or resale"),
              required(Columns.PROVIDER, TEXT, "Cloud provider id"),
              required(Columns.LAB, TEXT, "AI lab the rule attributes charges to"),
              column(ChargeColumns.BILLING_ACCOUNT_ID, TEXT, "compute: the lab's billing account"),
              column(
                  ChargeColumns.SUB_ACCOUNT_ID,
                  TEXT,
                  "compute: one sub-account of it only, when set"),
              column(
                  ChargeColumns.SERVICE_NAME,
                  TEXT,
                  "resale: the provider's service selling the lab's models"),
              column(SKU_PATTERN, TEXT, "resale: regular expression the SKU must match, when set"),
              column(
                  VALID_FROM_MONTH,
                  DataTypes.DateType,
                  "First billing month the rule applies to; null = always"),
              column(
                  VALID_TO_MONTH,
                  DataTypes.DateType,
                  "Last billing month it applies to; null = open"))
          .build();

  private AttributionRulesTable() {}
}
