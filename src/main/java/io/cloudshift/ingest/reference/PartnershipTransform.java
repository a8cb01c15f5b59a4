package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.col;

import io.cloudshift.config.LabNames;
import io.cloudshift.schema.RejectedColumns;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Partnership records (text) → {@code partnership_terms} rows and rejects
 * (docs/methodology.md#partnership-records, docs/methodology.md#outputs, docs/guarantees.md): rows
 * breaking a rule are rejected with its reason; of the valid rows, overlapping records of one lab ×
 * provider are rejected in pairs (OVERLAPPING_TERMS) and the SCD2 chain is built from the rest.
 */
final class PartnershipTransform {
  private final PartnershipRecords records;
  private final LocalDate asOf;

  /**
   * @param asOf the day whose version of the terms is current (is_current)
   */
  PartnershipTransform(List<String> providerIds, LabNames labs, LocalDate asOf) {
    this.records = new PartnershipRecords(providerIds, labs);
    this.asOf = asOf;
  }

  Outcome apply(Dataset<Row> input) {
    Dataset<Row> validated = records.validate(input);
    Dataset<Row> typed = records.typed(validated);
    Dataset<Row> conflicts = OverlappingTerms.conflicts(typed);

    Dataset<Row> clean = typed.join(conflicts, RowValidator.ROW_ID, "left_anti");
    Dataset<Row> overlapping =
        typed
            .join(conflicts, RowValidator.ROW_ID, "inner")
            .select(
                col(RejectedColumns.REASON_CODE),
                col(RejectedColumns.REASON_DETAIL),
                col(RowValidator.RAW).as(RejectedColumns.RAW));

    return new Outcome(
        TermsHistory.build(clean, asOf), RowValidator.rejected(validated).unionByName(overlapping));
  }
}
