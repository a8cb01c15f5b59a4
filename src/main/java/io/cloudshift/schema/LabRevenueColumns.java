package io.cloudshift.schema;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Columns of the curated lab revenue figures (docs/methodology.md#lab-revenue) and of the silver
 * {@code lab_revenue} table. Each row holds one public figure and the monthly revenue it implies,
 * LabRevenue(L,m) of docs/methodology.md#inbound-share (inbound share), for every calendar month
 * from period_start's month to period_end's.
 */
public final class LabRevenueColumns {
  /** First day the figure describes (inclusive). */
  public static final String PERIOD_START = "period_start";

  /** Last day the figure describes (inclusive). */
  public static final String PERIOD_END = "period_end";

  public static final String VALUE_USD = "value_usd";

  /**
   * Calendar months from period_start's month through period_end's month (1 for a single month).
   */
  public static final String MONTHS_COVERED = "months_covered";

  /**
   * Revenue per month implied by the figure: a run-rate / 12; a period revenue / months_covered. It
   * applies to each month of the period.
   */
  public static final String MONTHLY_REVENUE_USD = "monthly_revenue_usd";

  /** A revenue run-rate, annualised (value for 12 months at the pace of the period). */
  public static final String ANNUALIZED_RUN_RATE_USD = "annualized_run_rate_usd";

  /** Revenue actually earned over the whole period. */
  public static final String PERIOD_REVENUE_USD = "period_revenue_usd";

  public static final List<String> METRICS = List.of(ANNUALIZED_RUN_RATE_USD, PERIOD_REVENUE_USD);

  /** The curated CSV's header, in file order. */
  public static final List<String> INPUT =
      List.of(
          Columns.FACT_ID,
          Columns.LAB,
          Columns.METRIC,
          PERIOD_START,
          PERIOD_END,
          VALUE_USD,
          Columns.SOURCE_URL,
          Columns.CONFIDENCE,
          Columns.NOTES);

  /** Required in every row: a missing value quarantines the row (NULL_REQUIRED). */
  public static final List<String> REQUIRED =
      List.of(
          Columns.FACT_ID,
          Columns.LAB,
          Columns.METRIC,
          PERIOD_START,
          PERIOD_END,
          VALUE_USD,
          Columns.SOURCE_URL,
          Columns.CONFIDENCE);

  public static final DecimalType USD = DataTypes.createDecimalType(38, 2);

  private LabRevenueColumns() {}
}
