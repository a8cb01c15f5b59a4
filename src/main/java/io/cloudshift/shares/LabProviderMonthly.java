package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Joins;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.Stream;
import io.cloudshift.terms.TermsInForce;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@code charges_monthly} + {@code partnership_terms} → {@code lab_provider_monthly}
 * (docs/methodology.md#outputs, docs/methodology.md#revenue-and-shares).
 *
 * <ul>
 *   <li>Only the lab streams compute and resale (rows with a lab).
 *   <li>Amounts in the reporting currency (docs/methodology.md#currencies): the converted twins of
 *       {@code charges_monthly}, summed across billing currencies, so a lab billed in EUR at one
 *       provider and in USD at another has one set of shares. A cell with a charge that found no
 *       rate has a null R, and its lab's T and shares that month are null ({@link ConvertedSums}).
 *       The billing-currency R stays beside it when the cell has one currency.
 *   <li>Complete grid: for each (lab, stream), every provider the lab ever had in that stream ×
 *       every month from the first to the last month of {@code charges_monthly} (all streams).
 *       Missing cells get R = 0, so a month without any spend has rows with T = 0 and a null share,
 *       and windows over the grid see every month.
 *   <li>T = Σ over the grid's providers of R for (lab, stream, month); s = R / T ({@link
 *       ShareFormulas#share}); the same for the EffectiveCost variant.
 *   <li>Terms shown per month: the latest version in force during it ({@link TermsInForce}: the
 *       version from 27 April is April's); provider net = {@link ProviderNet#net}, apportioned over
 *       every version in force during the month by the instant.
 *   <li>Calendar quarter and the provider's fiscal year and quarter ({@link FiscalCalendar}).
 * </ul>
 */
public final class LabProviderMonthly {
  private static final String OBSERVED = "_observed";

  private LabProviderMonthly() {}

  public static Dataset<Row> of(
      Dataset<Row> chargesMonthly,
      Dataset<Row> partnershipTerms,
      Collection<ProviderConfig> providers,
      String reportingCurrency) {
    Column billingCurrencies = count_distinct(col(Columns.BILLING_CURRENCY));
    Dataset<Row> observed =
        chargesMonthly
            .where(
                col(Columns.LAB)
                    .isNotNull()
                    .and(col(Columns.STREAM).isin(Stream.COMPUTE.value(), Stream.RESALE.value())))
            .groupBy(
                col(Columns.LAB).as(Columns.LAB),
                col(Columns.PROVIDER).as(Columns.PROVIDER),
                col(Columns.STREAM).as(Columns.STREAM),
                col(Columns.MONTH).as(Columns.MONTH))
            .agg(
                ConvertedSums.sum(col(reporting(Columns.BILLED_REVENUE)))
                    .as(Columns.BILLED_REVENUE),
                ConvertedSums.sum(col(reporting(Columns.EFFECTIVE_REVENUE)))
                    .as(Columns.EFFECTIVE_REVENUE),
                ConvertedSums.sum(col(reporting(Columns.AI_BILLED_REVENUE)))
                    .as(Columns.AI_BILLED_REVENUE),
                when(billingCurrencies.equalTo(1), max(col(Columns.BILLING_CURRENCY)))
                    .as(Columns.BILLING_CURRENCY),
                when(billingCurrencies.equalTo(1), sum(col(Columns.BILLED_REVENUE)))
                    .as(LabProviderMonthlyTable.BILLED_REVENUE_IN_BILLING_CURRENCY),
                lit(true).as(OBSERVED));

    Dataset<Row> months = allMonths(chargesMonthly);
    List<String> cell = List.of(Columns.LAB, Columns.PROVIDER, Columns.STREAM, Columns.MONTH);
    // A cell without charges has R = 0; a cell whose charges lack a rate keeps its null R.
    Dataset<Row> grid =
        observed
            .select(Columns.LAB, Columns.PROVIDER, Columns.STREAM)
            .distinct()
            .crossJoin(months)
            .join(observed, Joins.using(cell), "left")
            .withColumn(Columns.BILLED_REVENUE, zeroWhenAbsent(Columns.BILLED_REVENUE))
            .withColumn(Columns.EFFECTIVE_REVENUE, zeroWhenAbsent(Columns.EFFECTIVE_REVENUE))
            .withColumn(Columns.AI_BILLED_REVENUE, zeroWhenAbsent(Columns.AI_BILLED_REVENUE))
            .withColumn(Columns.REPORTING_CURRENCY, lit(reportingCurrency))
            .drop(OBSERVED);

    WindowSpec labStreamMonth = Window.partitionBy(Columns.LAB, Columns.STREAM, Columns.MONTH);
    Dataset<Row> shares =
        grid.withColumn(
                Columns.LAB_STREAM_TOTAL,
                ConvertedSums.sum(col(Columns.BILLED_REVENUE), labStreamMonth))
            .withColumn(
                LabProviderMonthlyTable.STREAM_TOTAL_EFFECTIVE,
                ConvertedSums.sum(col(Columns.EFFECTIVE_REVENUE), labStreamMonth))
            .withColumn(
                Columns.SHARE,
                ShareFormulas.share(col(Columns.BILLED_REVENUE), col(Columns.LAB_STREAM_TOTAL)))
            .withColumn(
                LabProviderMonthlyTable.SHARE_EFFECTIVE,
                ShareFormulas.share(
                    col(Columns.EFFECTIVE_REVENUE),
                    col(LabProviderMonthlyTable.STREAM_TOTAL_EFFECTIVE)));

    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers);
    Dataset<Row> withTerms =
        TermsInForce.join(shares, partnershipTerms, Columns.LAB, Columns.PROVIDER, Columns.MONTH)
            .join(
                ProviderNet.resaleSharePaid(chargesMonthly, partnershipTerms),
                Joins.using(cell),
                "left")
            .withColumn(
                LabProviderMonthlyTable.PROVIDER_NET,
                ProviderNet.net(col(Columns.BILLED_REVENUE), col(ProviderNet.RESALE_SHARE_PAID)))
            .drop(ProviderNet.RESALE_SHARE_PAID);
    return LabProviderMonthlyTable.SPEC.conform(
        withTerms.select(
            QuarterColumns.with(
                withTerms, QuarterColumns.monthOf(col(Columns.MONTH), fiscalStart))));
  }

  /**
   * One row per month (column {@code month}) from the first to the last month in {@code
   * chargesMonthly}; none when empty.
   */
  static Dataset<Row> allMonths(Dataset<Row> chargesMonthly) {
    return chargesMonthly
        .agg(min(Columns.MONTH).as("_first"), max(Columns.MONTH).as("_last"))
        .where(col("_first").isNotNull())
        .select(
            explode(sequence(col("_first"), col("_last"), expr("interval 1 month")))
                .as(Columns.MONTH));
  }

  private static Column zeroWhenAbsent(String amount) {
    return when(col(OBSERVED).isNull(), lit(BigDecimal.ZERO).cast(ChargesMonthlyTable.MONEY))
        .otherwise(col(amount));
  }

  private static String reporting(String amount) {
    return amount + Columns.REPORTING_SUFFIX;
  }
}
