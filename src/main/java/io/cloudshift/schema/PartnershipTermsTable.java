package io.cloudshift.schema;

import static io.cloudshift.schema.PartnershipColumns.AGREEMENT;
import static io.cloudshift.schema.PartnershipColumns.ANNOUNCED_DATE;
import static io.cloudshift.schema.PartnershipColumns.COMMITMENT_TERM_YEARS;
import static io.cloudshift.schema.PartnershipColumns.COMMITTED_SPEND_USD;
import static io.cloudshift.schema.PartnershipColumns.EFFECTIVE_TO;
import static io.cloudshift.schema.PartnershipColumns.EQUITY_STAKE;
import static io.cloudshift.schema.PartnershipColumns.FACT_IDS;
import static io.cloudshift.schema.PartnershipColumns.INVESTMENT_USD;
import static io.cloudshift.schema.PartnershipColumns.IS_CURRENT;
import static io.cloudshift.schema.PartnershipColumns.LAB_SHARE_CAP_USD;
import static io.cloudshift.schema.PartnershipColumns.OTHER_SOURCE_URLS;
import static io.cloudshift.schema.PartnershipColumns.RECORD_ID;
import static io.cloudshift.schema.PartnershipColumns.SHARE;
import static io.cloudshift.schema.PartnershipColumns.USD;
import static io.cloudshift.schema.PartnershipColumns.VALID_FROM;
import static io.cloudshift.schema.PartnershipColumns.VALID_TO;
import static io.cloudshift.schema.PartnershipColumns.VERSION;
import static io.cloudshift.schema.PartnershipColumns.YEARS;
import static io.cloudshift.schema.TableSpec.column;
import static io.cloudshift.schema.TableSpec.required;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code partnership_terms}: the versions of every lab × provider agreement, with non-overlapping
 * validity intervals (SCD2), built from the curated partnership records
 * (docs/methodology.md#partnership-records).
 */
public final class PartnershipTermsTable {
  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType DATE = DataTypes.DateType;
  private static final DataType TEXTS = DataTypes.createArrayType(DataTypes.StringType);

  public static final TableSpec SPEC =
      TableSpec.table(
              Tables.PARTNERSHIP_TERMS,
              TableSpec.Layer.SILVER,
              "Every version of each lab x provider agreement, valid over [valid_from, valid_to)"
                  + " with no overlaps (SCD2), with its exclusivity, revenue shares, cap,"
                  + " commitments and public sources.")
          .columns(
              required(Columns.LAB, TEXT, "AI lab, in the attribution rules' spelling"),
              required(Columns.PROVIDER, TEXT, "Cloud provider id"),
              required(VALID_FROM, DATE, "First day the version is in force (= effective_from)"),
              column(
                  VALID_TO,
                  DATE,
                  "First day it no longer is (exclusive): its effective_to, else the next version's"
                      + " start; null while open"),
              required(
                  IS_CURRENT,
                  DataTypes.BooleanType,
                  "Whether it is the version in force on the run's as-of date (job_runs.as_of)"),
              required(
                  VERSION, DataTypes.IntegerType, "1..n per lab x provider, in valid_from order"),
              required(
                  RECORD_ID,
                  TEXT,
                  "Id of the partnership record (the public fact it comes from, e.g. P13)"),
              column(AGREEMENT, TEXT, "What was agreed, in a few words"),
              column(ANNOUNCED_DATE, DATE, "Day the change was announced"),
              required(Columns.EFFECTIVE_FROM, DATE, "Day the terms took effect, as recorded"),
              column(EFFECTIVE_TO, DATE, "Explicit end as recorded (exclusive); null when none"),
              required(
                  Columns.EXCLUSIVITY, TEXT, "exclusive, rofr (right of first refusal) or none"),
              column(
                  Columns.RESALE_SHARE_TO_LAB,
                  SHARE,
                  "p: fraction of resale revenue the provider pays the lab; null = none known (used"
                      + " as 0)"),
              column(
                  Columns.LAB_SHARE_TO_PROVIDER,
                  SHARE,
                  "q: fraction of the lab's revenue the lab pays the provider; null = none known"
                      + " (used as 0)"),
              column(
                  LAB_SHARE_CAP_USD,
                  USD,
                  "C: cumulative cap of the lab's payments to the provider over the agreement"
                      + " (USD); null = no cap known"),
              column(COMMITTED_SPEND_USD, USD, "Compute spend the lab committed to (USD)"),
              column(COMMITMENT_TERM_YEARS, YEARS, "Years over which the spend is committed"),
              column(EQUITY_STAKE, SHARE, "Provider's equity stake in the lab (fraction)"),
              column(
                  INVESTMENT_USD,
                  USD,
                  "Provider's investment in the lab announced with the change (USD)"),
              required(Columns.SOURCE_URL, TEXT, "Public source of the record"),
              required(OTHER_SOURCE_URLS, TEXTS, "Further public sources (empty when none)"),
              required(Columns.CONFIDENCE, TEXT, "confirmed, reported or assumed"),
              required(FACT_IDS, TEXTS, "Ids of the public facts the record uses, main fact first"),
              column(Columns.NOTES, TEXT, "How the record was derived from its sources"))
          .mergedOn(Columns.LAB, Columns.PROVIDER, VALID_FROM)
          .build();

  private PartnershipTermsTable() {}
}
