package io.cloudshift.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Columns of the curated partnership records (docs/methodology.md#partnership-records) and of the
 * silver {@code partnership_terms} table (docs/methodology.md#outputs): one row per agreement
 * version of a lab × provider, with non-overlapping validity intervals {@code [valid_from,
 * valid_to)}.
 *
 * <p>Revenue-share columns keep null when a share is not disclosed (unknown, not "zero"): code that
 * computes provider net revenue (docs/methodology.md#provider-net-revenue: p, q) treats a null
 * share as 0, i.e. no share paid.
 */
public final class PartnershipColumns {
  // Columns of the curated CSV (header names), also kept in the silver table.
  public static final String RECORD_ID = "record_id";
  public static final String AGREEMENT = "agreement";
  public static final String ANNOUNCED_DATE = "announced_date";

  /** Explicit end as recorded, exclusive (the first day the terms no longer apply); null = open. */
  public static final String EFFECTIVE_TO = "effective_to";

  /**
   * C of docs/methodology.md#inbound-share: cumulative USD cap of the inbound share over the
   * agreement. Null = no cap known.
   */
  public static final String LAB_SHARE_CAP_USD = "lab_share_cap_usd";

  public static final String COMMITTED_SPEND_USD = "committed_spend_usd";
  public static final String COMMITMENT_TERM_YEARS = "commitment_term_years";

  /** The provider's equity stake in the lab, a fraction. */
  public static final String EQUITY_STAKE = "equity_stake";

  public static final String INVESTMENT_USD = "investment_usd";

  /** In the CSV: URLs separated by ';'. In silver: array of strings (empty when none). */
  public static final String OTHER_SOURCE_URLS = "other_source_urls";

  /** In the CSV: fact ids separated by ';'. In silver: array of strings (empty when none). */
  public static final String FACT_IDS = "fact_ids";

  // SCD2 columns derived by the ingest (docs/methodology.md#outputs).
  /** = effective_from. */
  public static final String VALID_FROM = "valid_from";

  /**
   * Exclusive end: the explicit effective_to, else the next version's valid_from, else null (open).
   */
  public static final String VALID_TO = "valid_to";

  /** True for the version in force on the run's as-of date (valid_from ≤ as-of < valid_to). */
  public static final String IS_CURRENT = "is_current";

  /** 1..n per lab × provider, in valid_from order. */
  public static final String VERSION = "version";

  public static final String EXCLUSIVE = "exclusive";
  public static final String ROFR = "rofr";
  public static final String NONE = "none";
  public static final List<String> EXCLUSIVITY_VALUES = List.of(EXCLUSIVE, ROFR, NONE);

  /** Confidence levels of every curated input (partnerships, lab revenue, provider disclosures). */
  public static final List<String> CONFIDENCE_VALUES = List.of("confirmed", "reported", "assumed");

  /** The curated CSV's header, in file order. */
  public static final List<String> INPUT =
      List.of(
          RECORD_ID,
          Columns.LAB,
          Columns.PROVIDER,
          AGREEMENT,
          ANNOUNCED_DATE,
          Columns.EFFECTIVE_FROM,
          EFFECTIVE_TO,
          Columns.EXCLUSIVITY,
          Columns.RESALE_SHARE_TO_LAB,
          Columns.LAB_SHARE_TO_PROVIDER,
          LAB_SHARE_CAP_USD,
          COMMITTED_SPEND_USD,
          COMMITMENT_TERM_YEARS,
          EQUITY_STAKE,
          INVESTMENT_USD,
          Columns.SOURCE_URL,
          OTHER_SOURCE_URLS,
          Columns.CONFIDENCE,
          FACT_IDS,
          Columns.NOTES);

  /** Required in every record: a missing value quarantines the row (NULL_REQUIRED). */
  public static final List<String> REQUIRED =
      List.of(
          RECORD_ID,
          Columns.LAB,
          Columns.PROVIDER,
          Columns.EFFECTIVE_FROM,
          Columns.EXCLUSIVITY,
          Columns.SOURCE_URL,
          Columns.CONFIDENCE);

  /** Merge key of {@code partnership_terms}: unique because overlapping records are quarantined. */
  public static final List<String> KEY = List.of(Columns.LAB, Columns.PROVIDER, VALID_FROM);

  /** USD amounts, to the cent. */
  public static final DecimalType USD = DataTypes.createDecimalType(38, 2);

  /** Fractions in [0, 1]: revenue shares and equity stake. */
  public static final DecimalType SHARE = DataTypes.createDecimalType(9, 6);

  /** Years of a spend commitment (fractional years allowed). */
  public static final DecimalType YEARS = DataTypes.createDecimalType(6, 2);

  private PartnershipColumns() {}
}
