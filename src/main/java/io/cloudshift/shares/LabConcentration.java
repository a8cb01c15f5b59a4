package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabConcentrationMonthlyTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code lab_provider_monthly} → {@code lab_concentration_monthly} (docs/methodology.md#outputs,
 * docs/methodology.md#concentration): per lab × stream × month × currency, T, the number of
 * providers with R > 0, HHI ({@link ShareFormulas#hhi}), the effective number of providers ({@link
 * ShareFormulas#effectiveProviders}) and the top provider. When T ≤ 0 every share is null, and so
 * are HHI, effective providers and the top provider.
 */
public final class LabConcentration {
  private LabConcentration() {}

  public static Dataset<Row> of(Dataset<Row> labProviderMonthly) {
    Column share = col(Columns.SHARE);
    // Highest share first, ties to the first provider id: min over (−share, provider), shares of T
    // ≤ 0 left out.
    Column top =
        min(
            when(
                share.isNotNull(),
                struct(negate(share).as("neg_share"), col(Columns.PROVIDER).as("provider"))));
    Dataset<Row> perMonth =
        labProviderMonthly
            .groupBy(
                col(Columns.LAB).as(Columns.LAB),
                col(Columns.STREAM).as(Columns.STREAM),
                col(Columns.MONTH).as(Columns.MONTH),
                col(Columns.REPORTING_CURRENCY).as(Columns.REPORTING_CURRENCY))
            .agg(
                // Σ_P R = T of every row of the group.
                ConvertedSums.sum(col(Columns.BILLED_REVENUE)).as(Columns.LAB_STREAM_TOTAL),
                count(when(col(Columns.BILLED_REVENUE).gt(0), true))
                    .as(LabConcentrationMonthlyTable.PROVIDER_COUNT),
                ShareFormulas.hhi(share).as(LabConcentrationMonthlyTable.HHI),
                top.as("_top"))
            .withColumn(
                LabConcentrationMonthlyTable.EFFECTIVE_PROVIDERS,
                ShareFormulas.effectiveProviders(col(LabConcentrationMonthlyTable.HHI)))
            .withColumn(LabConcentrationMonthlyTable.TOP_PROVIDER, col("_top.provider"))
            .withColumn(LabConcentrationMonthlyTable.TOP_SHARE, negate(col("_top.neg_share")));
    return LabConcentrationMonthlyTable.SPEC.conform(perMonth);
  }
}
