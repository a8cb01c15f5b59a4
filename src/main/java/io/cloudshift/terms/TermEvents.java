package io.cloudshift.terms;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trunc;

import io.cloudshift.schema.Columns;
import io.cloudshift.schema.PartnershipColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Terms changes of a lab and provider (docs/methodology.md#terms-in-force "each terms change e of
 * (L,P) effective at month d"): one event per lab × provider × month in which a new version of the
 * terms starts. Versions that start in the same month are one event (several terms changing at
 * once): the new terms are those in force in that month, the old ones those in force the month
 * before (null for a first deal).
 */
public final class TermEvents {

  private TermEvents() {}

  public static Dataset<Row> of(Dataset<Row> partnershipTerms) {
    Dataset<Row> months =
        partnershipTerms
            .select(
                col(Columns.LAB).as(Columns.LAB),
                col(Columns.PROVIDER).as(Columns.PROVIDER),
                trunc(col(PartnershipColumns.VALID_FROM), "month").as(Columns.EVENT_MONTH))
            .distinct()
            .withColumn("_month_before", add_months(col(Columns.EVENT_MONTH), -1));
    Dataset<Row> withNew =
        TermsInForce.join(
                months, partnershipTerms, Columns.LAB, Columns.PROVIDER, Columns.EVENT_MONTH)
            .select(
                col(Columns.LAB),
                col(Columns.PROVIDER),
                col(Columns.EVENT_MONTH),
                col("_month_before"),
                col(Columns.TERMS_RECORD_ID).as(Columns.EVENT_ID),
                col(TermsInForce.VALID_FROM).as(Columns.EFFECTIVE_FROM),
                col(Columns.EXCLUSIVITY).as(Columns.NEW_EXCLUSIVITY),
                col(Columns.RESALE_SHARE_TO_LAB).as(Columns.NEW_RESALE_SHARE_TO_LAB),
                col(Columns.LAB_SHARE_TO_PROVIDER).as(Columns.NEW_LAB_SHARE_TO_PROVIDER),
                col(PartnershipColumns.LAB_SHARE_CAP_USD).as(Columns.NEW_LAB_SHARE_CAP_USD));
    return TermsInForce.join(
            withNew, partnershipTerms, Columns.LAB, Columns.PROVIDER, "_month_before")
        .select(
            col(Columns.EVENT_ID),
            col(Columns.LAB),
            col(Columns.PROVIDER),
            col(Columns.EVENT_MONTH),
            col(Columns.EFFECTIVE_FROM),
            col(Columns.TERMS_RECORD_ID).as(Columns.OLD_TERMS_RECORD_ID),
            col(Columns.EXCLUSIVITY).as(Columns.OLD_EXCLUSIVITY),
            col(Columns.NEW_EXCLUSIVITY),
            col(Columns.RESALE_SHARE_TO_LAB).as(Columns.OLD_RESALE_SHARE_TO_LAB),
            col(Columns.NEW_RESALE_SHARE_TO_LAB),
            col(Columns.LAB_SHARE_TO_PROVIDER).as(Columns.OLD_LAB_SHARE_TO_PROVIDER),
            col(Columns.NEW_LAB_SHARE_TO_PROVIDER),
            col(PartnershipColumns.LAB_SHARE_CAP_USD).as(Columns.OLD_LAB_SHARE_CAP_USD),
            col(Columns.NEW_LAB_SHARE_CAP_USD));
  }
}
