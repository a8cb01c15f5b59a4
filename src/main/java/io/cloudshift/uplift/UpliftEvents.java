package io.cloudshift.uplift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.terms.TermEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The terms changes the uplift is computed for: {@link TermEvents#of} (one event per lab × provider
 * × month in which a new version starts; versions starting in the same month are one event whose
 * old terms are the month before's), whose columns already carry {@code uplift_monthly}'s names
 * ({@link io.cloudshift.schema.Columns}), with the month of the next event of the same lab ×
 * provider added.
 */
final class UpliftEvents {
  private UpliftEvents() {}

  static Dataset<Row> of(Dataset<Row> partnershipTerms) {
    Dataset<Row> events = TermEvents.of(partnershipTerms);
    return events
        .withColumn(
            UpliftMonthlyTable.NEXT_EVENT_MONTH,
            lead(col(Columns.EVENT_MONTH), 1)
                .over(
                    Window.partitionBy(col(Columns.LAB), col(Columns.PROVIDER))
                        .orderBy(col(Columns.EVENT_MONTH))))
        .select(
            col(Columns.EVENT_ID),
            col(Columns.LAB),
            col(Columns.PROVIDER),
            col(Columns.EVENT_MONTH),
            col(Columns.EFFECTIVE_FROM),
            col(Columns.OLD_TERMS_RECORD_ID),
            col(Columns.OLD_EXCLUSIVITY),
            col(Columns.NEW_EXCLUSIVITY),
            col(UpliftMonthlyTable.NEXT_EVENT_MONTH),
            col(Columns.OLD_RESALE_SHARE_TO_LAB),
            col(Columns.NEW_RESALE_SHARE_TO_LAB),
            col(Columns.OLD_LAB_SHARE_TO_PROVIDER),
            col(Columns.NEW_LAB_SHARE_TO_PROVIDER),
            col(Columns.OLD_LAB_SHARE_CAP_USD),
            col(Columns.NEW_LAB_SHARE_CAP_USD));
  }
}
