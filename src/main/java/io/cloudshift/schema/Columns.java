package io.cloudshift.schema;

/**
 * The column names that tables of several stages share (a lab, a provider, a month, a terms
 * version, ...), each declared once: every table spec, schema and transformation uses these
 * constants, so a name means one thing everywhere. Every other column name is declared once too,
 * with the table that defines it (ChargeColumns, UpliftMonthlyTable, ...), and referenced from
 * there.
 */
public final class Columns {
  public static final String AI_BILLED_REVENUE = "ai_billed_revenue";

  /**
   * provider_disclosures' input header: the segment definition a figure uses (silver:
   * segment_basis).
   */
  public static final String BASIS = "basis";

  public static final String BILLED_REVENUE = "billed_revenue";
  public static final String BILLING_CURRENCY = "billing_currency";
  public static final String CURRENCY = "currency";
  // Reporting currency (docs/methodology.md#currencies)
  public static final String REPORTING_CURRENCY = "reporting_currency";
  public static final String FX_RATE = "fx_rate";
  public static final String FX_RATE_DATE = "fx_rate_date";

  /** Suffix of the reporting-currency twin of an amount column. */
  public static final String REPORTING_SUFFIX = "_reporting";

  public static final String BREAK_EVEN_SHARE = "break_even_share";
  public static final String CALENDAR_QUARTER_LABEL = "calendar_quarter_label";
  public static final String CONFIDENCE = "confidence";
  public static final String DISCLOSURE_ID = "disclosure_id";
  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String EFFECTIVE_REVENUE = "effective_revenue";
  public static final String EVENT_ID = "event_id";
  public static final String EVENT_MONTH = "event_month";
  public static final String EXCLUSIVITY = "exclusivity";
  public static final String EXPORT_ID = "export_id";
  public static final String FACT_ID = "fact_id";

  /** provider_disclosures (the curated input's header): the provider's fiscal quarter 1-4. */
  public static final String FISCAL_QUARTER = "fiscal_quarter";

  public static final String FISCAL_QUARTER_LABEL = "fiscal_quarter_label";
  public static final String FISCAL_QUARTER_NUMBER = "fiscal_quarter_number";
  public static final String FISCAL_YEAR = "fiscal_year";
  public static final String LAB = "lab";
  public static final String LAB_REVENUE_FACT_ID = "lab_revenue_fact_id";
  public static final String LAB_REVENUE_USD = "lab_revenue_usd";
  public static final String LAB_SHARE_TO_PROVIDER = "lab_share_to_provider";
  public static final String LAB_STREAM_TOTAL = "lab_stream_total";
  public static final String METRIC = "metric";
  public static final String MONTH = "month";
  public static final String NEW_EXCLUSIVITY = "new_exclusivity";
  public static final String NEW_LAB_SHARE_CAP_USD = "new_lab_share_cap_usd";
  public static final String NEW_LAB_SHARE_TO_PROVIDER = "new_lab_share_to_provider";
  public static final String NEW_RESALE_SHARE_TO_LAB = "new_resale_share_to_lab";
  public static final String NOTES = "notes";
  public static final String OLD_EXCLUSIVITY = "old_exclusivity";
  public static final String OLD_LAB_SHARE_CAP_USD = "old_lab_share_cap_usd";
  public static final String OLD_LAB_SHARE_TO_PROVIDER = "old_lab_share_to_provider";
  public static final String OLD_RESALE_SHARE_TO_LAB = "old_resale_share_to_lab";
  public static final String OLD_TERMS_RECORD_ID = "old_terms_record_id";
  public static final String PROVIDER = "provider";
  public static final String QUARTER_BASIS = "quarter_basis";
  public static final String QUARTER_END = "quarter_end";
  public static final String QUARTER_LABEL = "quarter_label";
  public static final String QUARTER_NUMBER = "quarter_number";
  public static final String QUARTER_START = "quarter_start";
  public static final String QUARTER_YEAR = "quarter_year";
  public static final String RESALE_SHARE_TO_LAB = "resale_share_to_lab";
  public static final String RUN_ID = "run_id";
  public static final String SHARE = "share";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_URL = "source_url";
  public static final String STREAM = "stream";
  public static final String TERMS_RECORD_ID = "terms_record_id";

  private Columns() {}
}
