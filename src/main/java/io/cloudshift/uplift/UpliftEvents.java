package io.cloudshift.uplift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;

import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.terms.TermEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The terms changes the uplift is computed for: {@link TermEvents#of} (one event per lab × provider ×
 * month in which a new version starts; versions starting in the same month are one event whose old
 * terms are the month before's) with the columns renamed to {@link UpliftMonthlyTable}'s and the
 * month of the next event of the same lab × provider added.
 */
final class UpliftEvents {
  private UpliftEvents() {}

  static Dataset<Row> of(Dataset<Row> partnershipTerms) {
    Dataset<Row> events = TermEvents.of(partnershipTerms);
    return events
        .withColumn(UpliftMonthlyTable.NEXT_EVENT_MONTH, lead(col(TermEvents.EVENT_MONTH), 1).over(
            Window.partitionBy(col(TermEvents.LAB), col(TermEvents.PROVIDER)).orderBy(col(TermEvents.EVENT_MONTH))))
        .select(
            col(TermEvents.EVENT_ID).as(UpliftMonthlyTable.EVENT_ID),
            col(TermEvents.LAB).as(UpliftMonthlyTable.LAB),
            col(TermEvents.PROVIDER).as(UpliftMonthlyTable.PROVIDER),
            col(TermEvents.EVENT_MONTH).as(UpliftMonthlyTable.EVENT_MONTH),
            col(TermEvents.EFFECTIVE_FROM).as(UpliftMonthlyTable.EFFECTIVE_FROM),
            col(TermEvents.OLD_RECORD_ID).as(UpliftMonthlyTable.OLD_TERMS_RECORD_ID),
            col(TermEvents.OLD_EXCLUSIVITY).as(UpliftMonthlyTable.OLD_EXCLUSIVITY),
            col(TermEvents.NEW_EXCLUSIVITY).as(UpliftMonthlyTable.NEW_EXCLUSIVITY),
            col(UpliftMonthlyTable.NEXT_EVENT_MONTH),
            col(TermEvents.OLD_RESALE_SHARE).as(UpliftMonthlyTable.OLD_RESALE_SHARE),
            col(TermEvents.NEW_RESALE_SHARE).as(UpliftMonthlyTable.NEW_RESALE_SHARE),
            col(TermEvents.OLD_LAB_SHARE).as(UpliftMonthlyTable.OLD_LAB_SHARE),
            col(TermEvents.NEW_LAB_SHARE).as(UpliftMonthlyTable.NEW_LAB_SHARE),
            col(TermEvents.OLD_CAP).as(UpliftMonthlyTable.OLD_CAP),
            col(TermEvents.NEW_CAP).as(UpliftMonthlyTable.NEW_CAP));
  }
}
