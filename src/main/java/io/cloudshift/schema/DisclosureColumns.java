package io.cloudshift.schema;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Columns of the curated provider disclosures (SPEC §2.5) and of the silver
 * {@code provider_disclosures} table: one public quarterly figure per row, with the provider's
 * fiscal quarter and the calendar dates it spans.
 */
public final class DisclosureColumns {
  public static final String DISCLOSURE_ID = "disclosure_id";
  public static final String PROVIDER = "provider";
  public static final String SEGMENT = "segment";
  /** Named by the calendar year in which the fiscal year ends (Microsoft FY2026 = Jul 2025 – Jun 2026). */
  public static final String FISCAL_YEAR = "fiscal_year";
  public static final String FISCAL_QUARTER = "fiscal_quarter";
  public static final String PERIOD_LABEL = "period_label";
  /** First day of the fiscal quarter. */
  public static final String CALENDAR_START = "calendar_start";
  /** Last day of the fiscal quarter (inclusive). */
  public static final String CALENDAR_END = "calendar_end";
  /** One of {@link #METRICS}. */
  public static final String METRIC = "metric";
  /** USD for *_usd metrics; a fraction for growth (0.35 = 35 %); points of growth for ai_growth_points. */
  public static final String VALUE = "value";
  /** Segment basis when a provider re-segmented (e.g. "old basis"); null = current basis. */
  public static final String BASIS = "basis";
  public static final String SOURCE_URL = "source_url";
  public static final String CONFIDENCE = "confidence";
  public static final String FACT_ID = "fact_id";
  public static final String NOTES = "notes";

  public static final String SEGMENT_REVENUE_USD = "segment_revenue_usd";
  public static final String REVENUE_GROWTH_YOY = "revenue_growth_yoy";
  public static final String AI_RUN_RATE_USD = "ai_run_rate_usd";
  public static final String AI_GROWTH_POINTS = "ai_growth_points";
  public static final String BACKLOG_USD = "backlog_usd";
  public static final String RPO_USD = "rpo_usd";
  public static final String OPERATING_INCOME_USD = "operating_income_usd";
  public static final List<String> METRICS =
      List.of(
          SEGMENT_REVENUE_USD, REVENUE_GROWTH_YOY, AI_RUN_RATE_USD, AI_GROWTH_POINTS, BACKLOG_USD, RPO_USD,
          OPERATING_INCOME_USD);
  /** Amounts that cannot be negative (growth and operating income can). */
  public static final List<String> NON_NEGATIVE_METRICS =
      List.of(SEGMENT_REVENUE_USD, AI_RUN_RATE_USD, BACKLOG_USD, RPO_USD);

  /** The curated CSV's header, in file order. */
  public static final List<String> INPUT =
      List.of(
          DISCLOSURE_ID, PROVIDER, SEGMENT, FISCAL_YEAR, FISCAL_QUARTER, PERIOD_LABEL, CALENDAR_START,
          CALENDAR_END, METRIC, VALUE, BASIS, SOURCE_URL, CONFIDENCE, FACT_ID, NOTES);

  /** Required in every row: a missing value quarantines the row (NULL_REQUIRED). */
  public static final List<String> REQUIRED =
      List.of(
          DISCLOSURE_ID, PROVIDER, SEGMENT, FISCAL_YEAR, FISCAL_QUARTER, CALENDAR_START, CALENDAR_END, METRIC,
          VALUE, SOURCE_URL, CONFIDENCE);

  public static final DecimalType VALUE_TYPE = DataTypes.createDecimalType(38, 6);

  private static final DataType TEXT = DataTypes.StringType;
  private static final DataType DATE = DataTypes.DateType;

  /** Schema of the silver {@code provider_disclosures} table, in column order. */
  public static final StructType SCHEMA =
      new StructType()
          .add(DISCLOSURE_ID, TEXT, false)
          .add(PROVIDER, TEXT, false)
          .add(SEGMENT, TEXT, false)
          .add(FISCAL_YEAR, DataTypes.IntegerType, false)
          .add(FISCAL_QUARTER, DataTypes.IntegerType, false)
          .add(PERIOD_LABEL, TEXT, true)
          .add(CALENDAR_START, DATE, false)
          .add(CALENDAR_END, DATE, false)
          .add(METRIC, TEXT, false)
          .add(VALUE, VALUE_TYPE, false)
          .add(BASIS, TEXT, true)
          .add(SOURCE_URL, TEXT, false)
          .add(CONFIDENCE, TEXT, false)
          .add(FACT_ID, TEXT, true)
          .add(NOTES, TEXT, true);

  private DisclosureColumns() {}
}
