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
import io.cloudshift.schema.ChargesMonthlyTable;
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
 * {@code charges_monthly} + {@code partnership_terms} → {@code lab_provider_monthly} (SPEC §3, §4).
 *
 * <ul>
 *   <li>Only the lab streams compute and resale (rows with a lab).
 *   <li>Complete grid: for each (lab, stream, currency), every provider the lab ever had in that
 *       stream and currency × every month from the first to the last month of {@code charges_monthly}
 *       (all streams, all currencies). Missing cells get R = 0, so a month without any spend has rows
 *       with T = 0 and a null share, and windows over the grid see every month.
 *   <li>T = Σ over the grid's providers of R for (lab, stream, month, currency); s = R / T
 *       ({@link ShareFormulas#share}); the same for the EffectiveCost variant.
 *   <li>Terms in force per month ({@link TermsInForce}: a change on 27 April governs April);
 *       provider net = {@link ProviderNet#net}.
 *   <li>Calendar quarter and the provider's fiscal year and quarter ({@link FiscalCalendar}).
 * </ul>
 */
public final class LabProviderMonthly {
  private static final String R = LabProviderMonthlyTable.BILLED;
  private static final String E = LabProviderMonthlyTable.EFFECTIVE;
  private static final String AI = LabProviderMonthlyTable.AI_BILLED;

  private LabProviderMonthly() {}

  public static Dataset<Row> of(Dataset<Row> chargesMonthly, Dataset<Row> partnershipTerms, Collection<ProviderConfig> providers) {
    Dataset<Row> observed = chargesMonthly
        .where(col(ChargesMonthlyTable.LAB).isNotNull()
            .and(col(ChargesMonthlyTable.STREAM).isin(Stream.COMPUTE.value(), Stream.RESALE.value())))
        .groupBy(
            col(ChargesMonthlyTable.LAB).as(LabProviderMonthlyTable.LAB),
            col(ChargesMonthlyTable.PROVIDER).as(LabProviderMonthlyTable.PROVIDER),
            col(ChargesMonthlyTable.STREAM).as(LabProviderMonthlyTable.STREAM),
            col(ChargesMonthlyTable.MONTH).as(LabProviderMonthlyTable.MONTH),
            col(ChargesMonthlyTable.CURRENCY).as(LabProviderMonthlyTable.CURRENCY))
        .agg(
            sum(ChargesMonthlyTable.BILLED).as(R),
            sum(ChargesMonthlyTable.EFFECTIVE).as(E),
            sum(ChargesMonthlyTable.AI_BILLED).as(AI));

    Dataset<Row> months = allMonths(chargesMonthly);
    List<String> cell = List.of(LabProviderMonthlyTable.LAB, LabProviderMonthlyTable.PROVIDER, LabProviderMonthlyTable.STREAM,
        LabProviderMonthlyTable.MONTH, LabProviderMonthlyTable.CURRENCY);
    Dataset<Row> grid = observed
        .select(LabProviderMonthlyTable.LAB, LabProviderMonthlyTable.PROVIDER, LabProviderMonthlyTable.STREAM, LabProviderMonthlyTable.CURRENCY)
        .distinct()
        .crossJoin(months)
        .join(observed, Joins.using(cell), "left")
        .withColumn(R, coalesce(col(R), zero()))
        .withColumn(E, coalesce(col(E), zero()))
        .withColumn(AI, coalesce(col(AI), zero()));

    WindowSpec labStreamMonth = Window.partitionBy(
        LabProviderMonthlyTable.LAB, LabProviderMonthlyTable.STREAM, LabProviderMonthlyTable.MONTH, LabProviderMonthlyTable.CURRENCY);
    Dataset<Row> shares = grid
        .withColumn(LabProviderMonthlyTable.STREAM_TOTAL, sum(col(R)).over(labStreamMonth))
        .withColumn(LabProviderMonthlyTable.STREAM_TOTAL_EFFECTIVE, sum(col(E)).over(labStreamMonth))
        .withColumn(LabProviderMonthlyTable.SHARE, ShareFormulas.share(col(R), col(LabProviderMonthlyTable.STREAM_TOTAL)))
        .withColumn(LabProviderMonthlyTable.SHARE_EFFECTIVE,
            ShareFormulas.share(col(E), col(LabProviderMonthlyTable.STREAM_TOTAL_EFFECTIVE)));

    Column month = col(LabProviderMonthlyTable.MONTH);
    Column fiscalStart = FiscalCalendar.fiscalStartMonth(col(LabProviderMonthlyTable.PROVIDER), providers);
    Dataset<Row> withTerms = TermsInForce.join(shares, partnershipTerms,
            LabProviderMonthlyTable.LAB, LabProviderMonthlyTable.PROVIDER, LabProviderMonthlyTable.MONTH)
        .withColumn(LabProviderMonthlyTable.PROVIDER_NET,
            ProviderNet.net(col(LabProviderMonthlyTable.STREAM), col(R), col(TermsInForce.RESALE_SHARE_TO_LAB)))
        .withColumn(LabProviderMonthlyTable.CALENDAR_QUARTER, FiscalCalendar.calendarQuarter(month))
        .withColumn(LabProviderMonthlyTable.FISCAL_YEAR, FiscalCalendar.fiscalYear(month, fiscalStart))
        .withColumn(LabProviderMonthlyTable.FISCAL_QUARTER, FiscalCalendar.fiscalQuarter(month, fiscalStart));
    return LabProviderMonthlyTable.SPEC.conform(withTerms);
  }

  /** One row per month (column {@code month}) from the first to the last month in {@code chargesMonthly}; none when empty. */
  static Dataset<Row> allMonths(Dataset<Row> chargesMonthly) {
    return chargesMonthly
        .agg(min(ChargesMonthlyTable.MONTH).as("_first"), max(ChargesMonthlyTable.MONTH).as("_last"))
        .where(col("_first").isNotNull())
        .select(explode(sequence(col("_first"), col("_last"), expr("interval 1 month"))).as(LabProviderMonthlyTable.MONTH));
  }

  private static Column zero() {
    return lit(BigDecimal.ZERO).cast(ChargesMonthlyTable.MONEY);
  }
}
