package io.cloudshift.uplift;

import static io.cloudshift.schema.UpliftMonthlyTable.MONTHS_AFTER_EVENT;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.months_between;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.currency.UsdToReporting;
import io.cloudshift.io.SmallFrames;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.UpliftMonthlyTable;
import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code uplift_monthly} from its inputs (docs/methodology.md#uplift Uplift (counterfactual)"), a
 * pure transformation: the compute and resale rows ({@link StreamUplift}) and the inbound-share
 * rows ({@link InboundUplift}) of every terms change ({@link UpliftEvents}), with the calendar and
 * the provider's fiscal quarter of each month, in {@link UpliftMonthlyTable#SPEC}'s columns and
 * types.
 *
 * <p>Decisions: rows run from the event month d to the last month of the data, even past the next
 * terms change of the same lab × provider (its month is in {@code next_event_month}, so an analyst
 * can cut there); months after it still compare this event's new terms with its old ones.
 */
public final class UpliftMonthly {
  private UpliftMonthly() {}

  /**
   * @param labProviderMonthly rows of {@code lab_provider_monthly} (LabProviderMonthlyTable
   *     columns)
   * @param chargesMonthly {@code charges_monthly}, for the part of each event month after the
   *     change (docs/methodology.md#terms-by-the-instant)
   * @param partnershipTerms the silver {@code partnership_terms} table
   * @param labRevenue the silver {@code lab_revenue} table
   * @param baselineMonths w0, the baseline window in months ({@code windows.baseline-months})
   * @param trendMonths w_t, the trend model's window ({@code windows.trend-months})
   * @param providers the configured providers, for their fiscal calendars (unknown provider:
   *     calendar year)
   * @param toReporting converts the inbound share, a USD figure, into the reporting currency
   */
  public static Dataset<Row> of(
      Dataset<Row> labProviderMonthly,
      Dataset<Row> chargesMonthly,
      Dataset<Row> partnershipTerms,
      Dataset<Row> labRevenue,
      int baselineMonths,
      int trendMonths,
      Collection<ProviderConfig> providers,
      UsdToReporting toReporting) {
    Dataset<Row> events = SmallFrames.computedOnce(UpliftEvents.of(partnershipTerms));
    // Inbound rows have no share effects, stream rows no cap: each side's missing columns are null.
    Dataset<Row> all =
        StreamUplift.of(labProviderMonthly, chargesMonthly, events, baselineMonths, trendMonths)
            .unionByName(
                InboundUplift.of(labProviderMonthly, events, labRevenue, toReporting), true);
    Column month = col(Columns.MONTH);
    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers);
    Dataset<Row> rows =
        all.withColumn(
            MONTHS_AFTER_EVENT, months_between(month, col(Columns.EVENT_MONTH)).cast("int"));
    return UpliftMonthlyTable.SPEC.conform(
        rows.select(QuarterColumns.with(rows, QuarterColumns.monthOf(month, fiscalStart))));
  }
}
