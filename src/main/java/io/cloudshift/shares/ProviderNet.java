package io.cloudshift.shares;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.currency.ConvertedSums;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.ExactDecimal;
import io.cloudshift.schema.PartnershipColumns;
import io.cloudshift.schema.Stream;
import io.cloudshift.terms.ChargeSpans;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * docs/methodology.md#provider-net-revenue provider net from a lab, per stream and without the
 * inbound share I: N_k = R_compute for compute, R_resale − Σ_v R_v · p_v for resale, where R_v is
 * the part of R whose charge period falls under terms version v (docs/methodology.md
 * #terms-by-the-instant): a month in which the resale share changes on the 27th pays the old p on
 * 26 days of a monthly charge and the new one on 4. A null p (share not disclosed, or no terms in
 * force) counts as 0: no share paid.
 */
public final class ProviderNet {
  /** Σ_v R_v · p_v of a lab × provider × stream × month: the resale share the provider pays. */
  public static final String RESALE_SHARE_PAID = "_resale_share_paid";

  private ProviderNet() {}

  /** g = 1 − coalesce(p, 0) for resale, 1 for compute: the fraction of R the provider keeps. */
  public static Column retainedFraction(Column stream, Column resaleShareToLab) {
    Column keep = lit(BigDecimal.ONE).minus(coalesce(resaleShareToLab, lit(BigDecimal.ZERO)));
    return when(stream.equalTo(Stream.RESALE.value()), keep)
        .otherwise(lit(BigDecimal.ONE))
        .cast(DataTypes.createDecimalType(7, 6));
  }

  /**
   * Per lab × provider × stream × month of {@code chargesMonthly}'s resale rows, {@link
   * #RESALE_SHARE_PAID}: each row's reporting-currency R apportioned to every terms version of the
   * lab and provider with a resale share, times that share; null when a row has no converted R.
   */
  public static Dataset<Row> resaleSharePaid(
      Dataset<Row> chargesMonthly, Dataset<Row> partnershipTerms) {
    Dataset<Row> versions =
        partnershipTerms
            .where(coalesce(col(Columns.RESALE_SHARE_TO_LAB), lit(BigDecimal.ZERO)).notEqual(0))
            .select(
                col(Columns.LAB).as("_v_lab"),
                col(Columns.PROVIDER).as("_v_provider"),
                col(PartnershipColumns.VALID_FROM).as("_v_from"),
                col(PartnershipColumns.VALID_TO).as("_v_to"),
                col(Columns.RESALE_SHARE_TO_LAB).as("_v_p"));
    Dataset<Row> resale =
        chargesMonthly.where(
            col(Columns.LAB).isNotNull().and(col(Columns.STREAM).equalTo(Stream.RESALE.value())));
    Column paid =
        ExactDecimal.times(
            ChargeSpans.apportion(
                col(Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX),
                col(ChargeColumns.CHARGE_PERIOD_START),
                col(ChargeColumns.CHARGE_PERIOD_END),
                col(Columns.MONTH),
                col("_v_from"),
                col("_v_to")),
            col("_v_p").cast(ExactDecimal.FRACTION),
            ExactDecimal.MONEY);
    return resale
        .join(
            broadcast(versions),
            col(Columns.LAB)
                .equalTo(col("_v_lab"))
                .and(col(Columns.PROVIDER).equalTo(col("_v_provider"))))
        .groupBy(
            col(Columns.LAB).as(Columns.LAB),
            col(Columns.PROVIDER).as(Columns.PROVIDER),
            col(Columns.STREAM).as(Columns.STREAM),
            col(Columns.MONTH).as(Columns.MONTH))
        .agg(ConvertedSums.sum(paid).as(RESALE_SHARE_PAID));
  }

  /** N = R − the resale share paid (none for compute, or without a share in force). */
  public static Column net(Column revenue, Column resaleSharePaid) {
    return ExactDecimal.minus(
        revenue, coalesce(resaleSharePaid, lit(BigDecimal.ZERO).cast(ExactDecimal.MONEY)));
  }
}
