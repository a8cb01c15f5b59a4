package io.cloudshift.schema;

import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The quarantine tables: every input row that is not in silver, with the reason why
 * (docs/ingest.md, "Quarantine reason codes").
 */
public final class QuarantineTables {
  private static final DataType TEXT = DataTypes.StringType;

  private static final TableSpec.Column RUN_ID =
      required(Columns.RUN_ID, TEXT, "Run that quarantined the row");
  private static final TableSpec.Column SOURCE_FILE =
      required(Columns.SOURCE_FILE, TEXT, "File the row was read from");
  private static final TableSpec.Column REASON_CODE =
      required(
          RejectedColumns.REASON_CODE,
          TEXT,
          "Why the row was quarantined (docs/ingest.md lists every code)");
  private static final TableSpec.Column REASON_DETAIL =
      column(
          RejectedColumns.REASON_DETAIL,
          TEXT,
          "The reason in words: which value, which rule (valid UTF-8; other bytes shown as \\xNN)");
  private static final TableSpec.Column RAW =
      required(
          RejectedColumns.RAW,
          TEXT,
          "The row as read: a JSON object of every column of the file, keyed by the file's own"
              + " column names");

  public static final TableSpec REJECTED_CHARGES =
      TableSpec.table(
              Tables.REJECTED_CHARGES,
              TableSpec.Layer.QUARANTINE,
              "FOCUS rows that are not in silver charges, one per row (or per file that cannot be"
                  + " read), with the reason; replaced by the same slices as charges.")
          .columns(
              RUN_ID,
              required(Columns.EXPORT_ID, TEXT, "Export the row was delivered in"),
              column(
                  Columns.PROVIDER,
                  TEXT,
                  "Cloud provider id; null when a multi-provider file's provider value maps to"
                      + " none"),
              SOURCE_FILE,
              column(
                  ChargeColumns.BILLING_ACCOUNT_ID,
                  TEXT,
                  "BillingAccountId as read, when readable"),
              column(
                  ChargeColumns.BILLING_MONTH,
                  DataTypes.DateType,
                  "Slice the row was delivered in (its delivery folder's month, else its own); null"
                      + " when unknown or for a whole file"),
              REASON_CODE,
              REASON_DETAIL,
              RAW)
          .replacedByRange()
          .build();

  public static final TableSpec REJECTED_PARTNERSHIPS =
      TableSpec.table(
              Tables.REJECTED_PARTNERSHIPS,
              TableSpec.Layer.QUARANTINE,
              "Partnership records that are not in partnership_terms, with the reason; replaced"
                  + " every run.")
          .columns(RUN_ID, SOURCE_FILE, REASON_CODE, REASON_DETAIL, RAW)
          .build();

  public static final TableSpec REJECTED_REFERENCE =
      TableSpec.table(
              Tables.REJECTED_REFERENCE,
              TableSpec.Layer.QUARANTINE,
              "Rows of the other curated inputs (lab revenue, provider disclosures, reference"
                  + " rates) that are not in silver, with the reason; replaced every run.")
          .columns(
              required(
                  RejectedColumns.DATASET,
                  TEXT,
                  "Curated input the row came from: lab-revenue, provider-disclosures or"
                      + " fx-rates"),
              RUN_ID,
              SOURCE_FILE,
              REASON_CODE,
              REASON_DETAIL,
              RAW)
          .build();

  private QuarantineTables() {}
}
