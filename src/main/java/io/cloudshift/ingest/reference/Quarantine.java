package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.lit;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Conform;
import io.cloudshift.schema.QuarantineTables;
import io.cloudshift.schema.RejectedColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows of the reference quarantine tables (docs/methodology.md#outputs: raw row + reason code +
 * source file + run id): {@code rejected_partnerships}, and {@code rejected_reference} for the
 * other curated inputs, told apart by its {@code dataset} column ({@link ReferenceDataset#id()}).
 */
final class Quarantine {
  private Quarantine() {}

  /**
   * {@code rejected} (reason_code, reason_detail, raw) stamped with the run and file, as
   * rejected_partnerships rows.
   */
  static Dataset<Row> partnershipRows(Dataset<Row> rejected, String runId, String sourceFile) {
    return Conform.to(
        rejected
            .withColumn(Columns.RUN_ID, lit(runId))
            .withColumn(Columns.SOURCE_FILE, lit(sourceFile)),
        QuarantineTables.REJECTED_PARTNERSHIPS.schema());
  }

  /** As {@link #partnershipRows}, for rejected_reference, with the dataset the rows came from. */
  static Dataset<Row> referenceRows(
      Dataset<Row> rejected, ReferenceDataset dataset, String runId, String sourceFile) {
    return Conform.to(
        rejected
            .withColumn(RejectedColumns.DATASET, lit(dataset.id()))
            .withColumn(Columns.RUN_ID, lit(runId))
            .withColumn(Columns.SOURCE_FILE, lit(sourceFile)),
        QuarantineTables.REJECTED_REFERENCE.schema());
  }
}
