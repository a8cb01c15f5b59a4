package io.cloudshift.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Columns shared by the quarantine tables: where a row came from, why it was rejected, its raw values. */
public final class RejectedColumns {
  public static final String RUN_ID = "run_id";
  public static final String SOURCE_FILE = "source_file";
  public static final String REASON_CODE = "reason_code";
  public static final String REASON_DETAIL = "reason_detail";
  /** The row as read, every column as text, JSON object keyed by the file's own column names. */
  public static final String RAW = "raw";
  /** rejected_charges: the export, and the slice keys when they could be read (else null). */
  public static final String EXPORT_ID = ChargeColumns.EXPORT_ID;
  public static final String PROVIDER = ChargeColumns.PROVIDER;
  public static final String BILLING_ACCOUNT_ID = ChargeColumns.BILLING_ACCOUNT_ID;
  public static final String BILLING_MONTH = ChargeColumns.BILLING_MONTH;
  /** rejected_reference: which curated input the row came from. */
  public static final String DATASET = "dataset";

  /** rejected_charges' schema. */
  public static final StructType CHARGES_SCHEMA = new StructType()
      .add(RUN_ID, DataTypes.StringType)
      .add(EXPORT_ID, DataTypes.StringType)
      .add(PROVIDER, DataTypes.StringType)
      .add(SOURCE_FILE, DataTypes.StringType)
      .add(BILLING_ACCOUNT_ID, DataTypes.StringType)
      .add(BILLING_MONTH, DataTypes.DateType)
      .add(REASON_CODE, DataTypes.StringType)
      .add(REASON_DETAIL, DataTypes.StringType)
      .add(RAW, DataTypes.StringType);

  private RejectedColumns() {}
}
