package io.cloudshift.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Columns shared by the quarantine tables: where a row came from, why it was rejected, its raw
 * values.
 */
public final class RejectedColumns {
  public static final String REASON_CODE = "reason_code";
  public static final String REASON_DETAIL = "reason_detail";

  /** The row as read, every column as text, JSON object keyed by the file's own column names. */
  public static final String RAW = "raw";

  /** rejected_reference: which curated input the row came from. */
  public static final String DATASET = "dataset";

  /** rejected_charges' schema. */
  public static final StructType CHARGES_SCHEMA =
      new StructType()
          .add(Columns.RUN_ID, DataTypes.StringType)
          .add(Columns.EXPORT_ID, DataTypes.StringType)
          .add(Columns.PROVIDER, DataTypes.StringType)
          .add(Columns.SOURCE_FILE, DataTypes.StringType)
          .add(ChargeColumns.BILLING_ACCOUNT_ID, DataTypes.StringType)
          .add(ChargeColumns.BILLING_MONTH, DataTypes.DateType)
          .add(REASON_CODE, DataTypes.StringType)
          .add(REASON_DETAIL, DataTypes.StringType)
          .add(RAW, DataTypes.StringType);

  private RejectedColumns() {}
}
