package io.cloudshift.shares;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * docs/methodology.md#inbound-share provider net from a lab, per stream and without the inbound
 * share I: N_k = R_compute for compute, R_resale · (1 − p) for resale. A null p (share not
 * disclosed, or no terms in force) counts as 0: no share paid.
 */
public final class ProviderNet {
  private ProviderNet() {}

  /** g = 1 − coalesce(p, 0) for resale, 1 for compute: the fraction of R the provider keeps. */
  public static Column retainedFraction(Column stream, Column resaleShareToLab) {
    Column keep = lit(BigDecimal.ONE).minus(coalesce(resaleShareToLab, lit(BigDecimal.ZERO)));
    return when(stream.equalTo(Stream.RESALE.value()), keep)
        .otherwise(lit(BigDecimal.ONE))
        .cast(DataTypes.createDecimalType(7, 6));
  }

  /**
   * R · g. R is narrowed to decimal(30,12) (|R| below 10^18 units of any currency) so that Spark
   * keeps the product exact at scale 18 instead of cutting it to fewer digits.
   */
  public static Column net(Column stream, Column revenue, Column resaleShareToLab) {
    return revenue
        .cast(DataTypes.createDecimalType(30, 12))
        .multiply(retainedFraction(stream, resaleShareToLab));
  }
}
