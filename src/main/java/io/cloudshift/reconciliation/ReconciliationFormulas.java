package io.cloudshift.reconciliation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.DisclosureColumns;
import io.cloudshift.schema.ExactDecimal;
import org.apache.spark.sql.Column;

/**
 * Every formula of {@code revenue_reconciliation}, in one place (docs/methodology.md#outputs
 * "revenue_reconciliation: lab-attributed revenue vs public disclosures (coverage)"; revenue as
 * docs/methodology.md#billing-charges-focus = Σ BilledCost, signed, never summed across
 * currencies):
 *
 * <pre>
 *   lab_attributed          = R_compute + R_resale              (attributed streams, USD rows)
 *   total_in_data           = lab_attributed + unattributed
 *   disclosed (quarterly)   = segment_revenue_usd, or ai_run_rate_usd / 4
 *                                                               (annual run-rate → one quarter)
 *   coverage_of_disclosed   = lab_attributed / disclosed        null when disclosed is null or ≤ 0
 *   data_total_vs_disclosed = total_in_data / disclosed         null when disclosed is null or ≤ 0
 * </pre>
 *
 * Quarters (calendar and the provider's fiscal) are {@link io.cloudshift.periods.FiscalCalendar}'s.
 */
public final class ReconciliationFormulas {
  /** Quarters per year: the divisor that turns an annual run-rate into a quarterly equivalent. */
  public static final int QUARTERS_PER_YEAR = 4;

  private ReconciliationFormulas() {}

  /** R_compute + R_resale. */
  public static Column labAttributed(Column compute, Column resale) {
    return ExactDecimal.plus(coalesce(compute, lit(0)), coalesce(resale, lit(0)));
  }

  /** The disclosure as quarterly revenue: segment revenue as is, an annual run-rate / 4. */
  public static Column quarterlyDisclosed(Column metric, Column value) {
    return when(
            metric.equalTo(lit(DisclosureColumns.AI_RUN_RATE_USD)),
            ExactDecimal.divide(
                ExactDecimal.money(value),
                lit(QUARTERS_PER_YEAR).cast(ExactDecimal.MONEY),
                ExactDecimal.MONEY))
        .otherwise(ExactDecimal.money(value));
  }

  /**
   * numerator / disclosed; null when disclosed is null or ≤ 0 (or the numerator is null). Never
   * NaN.
   */
  public static Column ratioToDisclosed(Column numerator, Column disclosed) {
    return when(
        disclosed.gt(lit(0)), ExactDecimal.divide(numerator, disclosed, ExactDecimal.FRACTION));
  }
}
