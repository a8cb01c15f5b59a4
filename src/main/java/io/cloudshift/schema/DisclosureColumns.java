package io.cloudshift.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Columns of the curated provider disclosures (docs/methodology.md#provider-disclosures) and of the
 * silver {@code provider_disclosures} table: one public quarterly figure per row, with the
 * provider's fiscal quarter and the calendar dates it spans.
 */
public final class DisclosureColumns {
  public static final String SEGMENT = "segment";
  public static final String PERIOD_LABEL = "period_label";

  /** First day of the fiscal quarter. */
  public static final String CALENDAR_START = "calendar_start";

  /** Last day of the fiscal quarter (inclusive). */
  public static final String CALENDAR_END = "calendar_end";

  /**
   * USD for *_usd metrics; a fraction for growth (0.35 = 35 %); points of growth for
   * ai_growth_points.
   */
  public static final String VALUE = "value";

  /** Silver's name of the input's {@code basis}: which segment definition the figure uses. */
  public static final String SEGMENT_BASIS = "segment_basis";

  public static final String SEGMENT_REVENUE_USD = "segment_revenue_usd";
  public static final String REVENUE_GROWTH_YOY = "revenue_growth_yoy";
  public static final String AI_RUN_RATE_USD = "ai_run_rate_usd";
  public static final String AI_GROWTH_POINTS = "ai_growth_points";
  public static final String BACKLOG_USD = "backlog_usd";
  public static final String RPO_USD = "rpo_usd";
  public static final String OPERATING_INCOME_USD = "operating_income_usd";
  public static final List<String> METRICS =
      List.of(
          SEGMENT_REVENUE_USD,
          REVENUE_GROWTH_YOY,
          AI_RUN_RATE_USD,
          AI_GROWTH_POINTS,
          BACKLOG_USD,
          RPO_USD,
          OPERATING_INCOME_USD);

  /** Amounts that cannot be negative (growth and operating income can). */
  public static final List<String> NON_NEGATIVE_METRICS =
      List.of(SEGMENT_REVENUE_USD, AI_RUN_RATE_USD, BACKLOG_USD, RPO_USD);

  /** The curated CSV's header, in file order. */
  public static final List<String> INPUT =
      List.of(
          Columns.DISCLOSURE_ID,
          Columns.PROVIDER,
          SEGMENT,
          Columns.FISCAL_YEAR,
          Columns.FISCAL_QUARTER,
          PERIOD_LABEL,
          CALENDAR_START,
          CALENDAR_END,
          Columns.METRIC,
          VALUE,
          Columns.BASIS,
          Columns.SOURCE_URL,
          Columns.CONFIDENCE,
          Columns.FACT_ID,
          Columns.NOTES);

  /** Required in every row: a missing value quarantines the row (NULL_REQUIRED). */
  public static final List<String> REQUIRED =
      List.of(
          Columns.DISCLOSURE_ID,
          Columns.PROVIDER,
          SEGMENT,
          Columns.FISCAL_YEAR,
          Columns.FISCAL_QUARTER,
          CALENDAR_START,
          CALENDAR_END,
          Columns.METRIC,
          VALUE,
          Columns.SOURCE_URL,
          Columns.CONFIDENCE);

  public static final DecimalType VALUE_TYPE = DataTypes.createDecimalType(38, 6);

  private DisclosureColumns() {}
}
