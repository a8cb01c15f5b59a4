package io.cloudshift.terms;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trunc;

import io.cloudshift.schema.PartnershipColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Terms changes of a lab and provider (SPEC §4 "each terms change e of (L,P) effective at month d"):
 * one event per lab × provider × month in which a new version of the terms starts. Versions that
 * start in the same month are one event (several terms changing at once): the new terms are those
 * in force in that month, the old ones those in force the month before (null for a first deal).
 */
public final class TermEvents {
  public static final String EVENT_ID = "event_id";
  public static final String LAB = "lab";
  public static final String PROVIDER = "provider";
  public static final String EVENT_MONTH = "event_month";
  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String OLD_RECORD_ID = "old_terms_record_id";
  public static final String OLD_EXCLUSIVITY = "old_exclusivity";
  public static final String NEW_EXCLUSIVITY = "new_exclusivity";
  /** p0 and p1: resale share the provider pays the lab, before and after. */
  public static final String OLD_RESALE_SHARE = "old_resale_share_to_lab";
  public static final String NEW_RESALE_SHARE = "new_resale_share_to_lab";
  /** q0 and q1: share of the lab's revenue paid to the provider, before and after. */
  public static final String OLD_LAB_SHARE = "old_lab_share_to_provider";
  public static final String NEW_LAB_SHARE = "new_lab_share_to_provider";
  /** C0 and C1: cumulative caps on the lab's payments, USD. */
  public static final String OLD_CAP = "old_lab_share_cap_usd";
  public static final String NEW_CAP = "new_lab_share_cap_usd";

  private TermEvents() {}

  public static Dataset<Row> of(Dataset<Row> partnershipTerms) {
    Dataset<Row> months = partnershipTerms
        .select(col(PartnershipColumns.LAB).as(LAB), col(PartnershipColumns.PROVIDER).as(PROVIDER),
            trunc(col(PartnershipColumns.VALID_FROM), "month").as(EVENT_MONTH))
        .distinct()
        .withColumn("_month_before", add_months(col(EVENT_MONTH), -1));
    Dataset<Row> withNew = TermsInForce.join(months, partnershipTerms, LAB, PROVIDER, EVENT_MONTH)
        .select(col(LAB), col(PROVIDER), col(EVENT_MONTH), col("_month_before"),
            col(TermsInForce.RECORD_ID).as(EVENT_ID),
            col(TermsInForce.VALID_FROM).as(EFFECTIVE_FROM),
            col(TermsInForce.EXCLUSIVITY).as(NEW_EXCLUSIVITY),
            col(TermsInForce.RESALE_SHARE_TO_LAB).as(NEW_RESALE_SHARE),
            col(TermsInForce.LAB_SHARE_TO_PROVIDER).as(NEW_LAB_SHARE),
            col(TermsInForce.LAB_SHARE_CAP_USD).as(NEW_CAP));
    return TermsInForce.join(withNew, partnershipTerms, LAB, PROVIDER, "_month_before")
        .select(col(EVENT_ID), col(LAB), col(PROVIDER), col(EVENT_MONTH), col(EFFECTIVE_FROM),
            col(TermsInForce.RECORD_ID).as(OLD_RECORD_ID),
            col(TermsInForce.EXCLUSIVITY).as(OLD_EXCLUSIVITY), col(NEW_EXCLUSIVITY),
            col(TermsInForce.RESALE_SHARE_TO_LAB).as(OLD_RESALE_SHARE), col(NEW_RESALE_SHARE),
            col(TermsInForce.LAB_SHARE_TO_PROVIDER).as(OLD_LAB_SHARE), col(NEW_LAB_SHARE),
            col(TermsInForce.LAB_SHARE_CAP_USD).as(OLD_CAP), col(NEW_CAP));
  }
}
