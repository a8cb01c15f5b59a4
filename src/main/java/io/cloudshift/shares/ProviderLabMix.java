package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.ProviderConfig;
import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.periods.FiscalCalendar;
import io.cloudshift.periods.QuarterColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Joins;
import io.cloudshift.schema.ProviderLabMixQuarterlyTable;
import io.cloudshift.schema.QuarterBasis;
import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code charges_monthly} → {@code provider_lab_mix_quarterly} (docs/methodology.md#outputs): per
 * provider × quarter (calendar and the provider's fiscal quarters) × lab × currency, the provider's
 * AI-workload revenue ({@code ai_billed_revenue}) from each lab over both streams, the unattributed
 * AI revenue as lab {@code (other)}, the provider's total AI revenue and each lab's share of it
 * ({@link ShareFormulas#share}, null when the total ≤ 0). Quarter amounts are plain sums of the
 * billing months in the quarter; {@code months_with_data} says how many of its months the data
 * covers.
 */
public final class ProviderLabMix {
  private static final String M = "_month";
  private static final String FISCAL_START = "_fiscal_start";

  private ProviderLabMix() {}

  public static Dataset<Row> of(Dataset<Row> chargesMonthly, Collection<ProviderConfig> providers) {
    Column stream = col(Columns.STREAM);
    Column ai = col(Columns.AI_BILLED_REVENUE + Columns.REPORTING_SUFFIX);
    Column attributed =
        stream
            .isin(Stream.COMPUTE.value(), Stream.RESALE.value())
            .and(col(Columns.LAB).isNotNull());
    Column zero = lit(BigDecimal.ZERO).cast(ChargesMonthlyTable.MONEY);
    Dataset<Row> monthly =
        chargesMonthly.select(
            col(Columns.PROVIDER).as(Columns.PROVIDER),
            col(Columns.MONTH).as(M),
            FiscalCalendar.fiscalStartMonth(col(Columns.PROVIDER), providers).as(FISCAL_START),
            when(attributed, col(Columns.LAB))
                .otherwise(lit(ProviderLabMixQuarterlyTable.OTHER_LAB))
                .as(Columns.LAB),
            col(Columns.REPORTING_CURRENCY).as(Columns.REPORTING_CURRENCY),
            when(attributed.and(stream.equalTo(Stream.COMPUTE.value())), ai)
                .otherwise(zero)
                .as(ProviderLabMixQuarterlyTable.LAB_AI_COMPUTE),
            when(attributed.and(stream.equalTo(Stream.RESALE.value())), ai)
                .otherwise(zero)
                .as(ProviderLabMixQuarterlyTable.LAB_AI_RESALE),
            ai.as(ProviderLabMixQuarterlyTable.LAB_AI));
    Dataset<Row> byQuarter = inQuarters(monthly);

    List<String> quarterKey =
        List.of(
            Columns.PROVIDER,
            Columns.QUARTER_BASIS,
            Columns.QUARTER_LABEL,
            Columns.QUARTER_YEAR,
            Columns.QUARTER_NUMBER,
            Columns.QUARTER_START,
            Columns.QUARTER_END);
    List<String> rowKey = new ArrayList<>(quarterKey);
    rowKey.add(Columns.LAB);
    rowKey.add(Columns.REPORTING_CURRENCY);
    Dataset<Row> perLab =
        byQuarter
            .groupBy(rowKey.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(
                ConvertedSums.sum(col(ProviderLabMixQuarterlyTable.LAB_AI_COMPUTE))
                    .as(ProviderLabMixQuarterlyTable.LAB_AI_COMPUTE),
                ConvertedSums.sum(col(ProviderLabMixQuarterlyTable.LAB_AI_RESALE))
                    .as(ProviderLabMixQuarterlyTable.LAB_AI_RESALE),
                ConvertedSums.sum(col(ProviderLabMixQuarterlyTable.LAB_AI))
                    .as(ProviderLabMixQuarterlyTable.LAB_AI))
            .withColumn(
                ProviderLabMixQuarterlyTable.PROVIDER_AI,
                ConvertedSums.sum(
                    col(ProviderLabMixQuarterlyTable.LAB_AI),
                    Window.partitionBy(
                        Columns.PROVIDER,
                        Columns.QUARTER_BASIS,
                        Columns.QUARTER_START,
                        Columns.REPORTING_CURRENCY)))
            .withColumn(
                ProviderLabMixQuarterlyTable.LAB_SHARE,
                ShareFormulas.share(
                    col(ProviderLabMixQuarterlyTable.LAB_AI),
                    col(ProviderLabMixQuarterlyTable.PROVIDER_AI)));

    Dataset<Row> coverage =
        inQuarters(monthly.select(Columns.PROVIDER, M, FISCAL_START).distinct())
            .groupBy(quarterKey.stream().map(c -> col(c)).toArray(Column[]::new))
            .agg(
                count_distinct(col(M))
                    .cast("int")
                    .as(ProviderLabMixQuarterlyTable.MONTHS_WITH_DATA));
    return ProviderLabMixQuarterlyTable.SPEC.conform(
        perLab.join(coverage, Joins.using(quarterKey), "left"));
  }

  /** Each monthly row twice: with its calendar quarter and with the provider's fiscal quarter. */
  private static Dataset<Row> inQuarters(Dataset<Row> monthly) {
    return monthly
        .select(
            QuarterColumns.with(
                monthly,
                QuarterColumns.quarterOf(QuarterBasis.CALENDAR, col(M), col(FISCAL_START))))
        .unionByName(
            monthly.select(
                QuarterColumns.with(
                    monthly,
                    QuarterColumns.quarterOf(QuarterBasis.FISCAL, col(M), col(FISCAL_START)))));
  }
}
