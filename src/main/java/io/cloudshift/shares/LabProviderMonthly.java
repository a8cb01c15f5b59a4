package io.cloudshift.shares;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
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
 *   <li>Complete grid: for each (lab, stream, currency), every provider the lab ever had in that
 *       stream and currency × every month from the first to the last month of {@code
 *       charges_monthly} (all streams, all currencies). Missing cells get R = 0, so a month without
 *       any spend has rows with T = 0 and a null share, and windows over the grid see every month.
 *   <li>T = Σ over the grid's providers of Columns.BILLED_REVENUE for (lab, stream, month,
 *       currency); s = Columns.BILLED_REVENUE / T ({@link ShareFormulas#share}); the same for the
 *       EffectiveCost variant.
 *   <li>Terms in force per month ({@link TermsInForce}: a change on 27 April governs April);
 *       provider net = {@link ProviderNet#net}.
 *   <li>Calendar quarter and the provider's fiscal year and quarter ({@link FiscalCalendar}).
 * </ul>
 */
public final class LabProviderMonthly {

  private LabProviderMonthly() {}

  public static Dataset<Row> of(
      Dataset<Row> chargesMonthly,
      Dataset<Row> partnershipTerms,
      Collection<ProviderConfig> providers) {
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
                col(Columns.MONTH).as(Columns.MONTH),
                col(Columns.BILLING_CURRENCY).as(Columns.BILLING_CURRENCY))
            .agg(
                sum(Columns.BILLED_REVENUE).as(Columns.BILLED_REVENUE),
                sum(Columns.EFFECTIVE_REVENUE).as(Columns.EFFECTIVE_REVENUE),
                sum(Columns.AI_BILLED_REVENUE).as(Columns.AI_BILLED_REVENUE));

    Dataset<Row> months = allMonths(chargesMonthly);
    List<String> cell =
        List.of(
            Columns.LAB, Columns.PROVIDER, Columns.STREAM, Columns.MONTH, Columns.BILLING_CURRENCY);
    Dataset<Row> grid =
        observed
            .select(Columns.LAB, Columns.PROVIDER, Columns.STREAM, Columns.BILLING_CURRENCY)
            .distinct()
            .crossJoin(months)
            .join(observed, Joins.using(cell), "left")
            .withColumn(Columns.BILLED_REVENUE, coalesce(col(Columns.BILLED_REVENUE), zero()))
            .withColumn(Columns.EFFECTIVE_REVENUE, coalesce(col(Columns.EFFECTIVE_REVENUE), zero()))
            .withColumn(
                Columns.AI_BILLED_REVENUE, coalesce(col(Columns.AI_BILLED_REVENUE), zero()));

    WindowSpec labStreamMonth =
        Window.partitionBy(Columns.LAB, Columns.STREAM, Columns.MONTH, Columns.BILLING_CURRENCY);
    Dataset<Row> shares =
        grid.withColumn(
                Columns.LAB_STREAM_TOTAL, sum(col(Columns.BILLED_REVENUE)).over(labStreamMonth))
            .withColumn(
                LabProviderMonthlyTable.STREAM_TOTAL_EFFECTIVE,
                sum(col(Columns.EFFECTIVE_REVENUE)).over(labStreamMonth))
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
            .withColumn(
                LabProviderMonthlyTable.PROVIDER_NET,
                ProviderNet.net(
                    col(Columns.STREAM),
                    col(Columns.BILLED_REVENUE),
                    col(Columns.RESALE_SHARE_TO_LAB)));
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

  private static Column zero() {
    return lit(BigDecimal.ZERO).cast(ChargesMonthlyTable.MONEY);
  }
}
