package io.cloudshift.schema;

import static org.apache.spark.sql.functions.udf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The exact-decimal policy of every stage: money is {@link #MONEY} ({@code decimal(38,12)}),
 * fractions (shares, ratios, retained fractions) are {@link #FRACTION} ({@code decimal(38,18)}),
 * and products and quotients are exact with one rounding, {@link #ROUNDING}. Never a double.
 *
 * <p>Why not Spark's own {@code *} and {@code /}: with decimals of 38 digits Spark shrinks the
 * result scale to make room for the integer digits ({@code decimal(38,18) * decimal(38,12)} is
 * typed {@code decimal(38,6)}, and a division of two {@code decimal(38,12)} is too), which would
 * round a share to 6 decimals and money to a millionth before the next step. Here each product or
 * quotient is computed exactly on {@link BigDecimal} and rounded once, {@link
 * RoundingMode#HALF_EVEN} (as the shares package rounds s = R / T), to the scale of its result
 * type: 12 decimals for money ({@code decimal(38,12)}), 18 for fractions ({@code decimal(38,18)}).
 * A null operand gives null, a zero divisor gives null (callers decide the meaningful condition,
 * e.g. T &le; 0, before dividing) and a value too large for its type gives null ({@link #fit}).
 * Sums and differences of {@code decimal(38,12)} values are exact in Spark when the operands are
 * cast to {@code decimal(37,12)} first: see {@link #minus}.
 */
public final class ExactDecimal {
  /** Money: currency units to 10^-12. */
  public static final DecimalType MONEY = DataTypes.createDecimalType(38, 12);

  /** Fractions (shares, retained fractions): to 10^-18. */
  public static final DecimalType FRACTION = DataTypes.createDecimalType(38, 18);

  /** Operand type for exact sums and differences of money (one digit of headroom). */
  private static final DecimalType MONEY_OPERAND = DataTypes.createDecimalType(37, 12);

  private ExactDecimal() {}

  /** Rounding of every product and quotient: half-even, as the shares package rounds s = R / T. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** {@code a * b}, exact, rounded once to {@code result}'s scale. */
  public static Column times(Column a, Column b, DecimalType result) {
    int precision = result.precision();
    int scale = result.scale();
    UDF2<BigDecimal, BigDecimal, BigDecimal> f =
        (x, y) ->
            x == null || y == null ? null : fit(x.multiply(y).setScale(scale, ROUNDING), precision);
    return udf(f, result).withName("exact_times_" + scale).apply(a, b);
  }

  /** {@code a * b * c}, exact, rounded once to {@code result}'s scale. */
  public static Column times(Column a, Column b, Column c, DecimalType result) {
    int precision = result.precision();
    int scale = result.scale();
    UDF3<BigDecimal, BigDecimal, BigDecimal, BigDecimal> f =
        (x, y, z) ->
            x == null || y == null || z == null
                ? null
                : fit(x.multiply(y).multiply(z).setScale(scale, ROUNDING), precision);
    return udf(f, result).withName("exact_times_" + scale).apply(a, b, c);
  }

  /** {@code a / b} rounded once to {@code result}'s scale; null when b is null or 0. */
  public static Column divide(Column a, Column b, DecimalType result) {
    int precision = result.precision();
    int scale = result.scale();
    UDF2<BigDecimal, BigDecimal, BigDecimal> f =
        (x, y) ->
            x == null || y == null || y.signum() == 0
                ? null
                : fit(x.divide(y, scale, ROUNDING), precision);
    return udf(f, result).withName("exact_divide_" + scale).apply(a, b);
  }

  /** {@code a * b / c} with the product exact and one rounding; null when c is null or 0. */
  public static Column timesDivide(Column a, Column b, Column c, DecimalType result) {
    int precision = result.precision();
    int scale = result.scale();
    UDF3<BigDecimal, BigDecimal, BigDecimal, BigDecimal> f =
        (x, y, z) ->
            x == null || y == null || z == null || z.signum() == 0
                ? null
                : fit(x.multiply(y).divide(z, scale, ROUNDING), precision);
    return udf(f, result).withName("exact_times_divide_" + scale).apply(a, b, c);
  }

  /**
   * The value, or null when it has more digits than the result type holds (a share of 10^20 or
   * more, only when credits net a total to almost nothing: no meaningful value, as in the shares
   * package; money never comes near 10^26).
   */
  public static BigDecimal fit(BigDecimal value, int precision) {
    return value.precision() > precision ? null : value;
  }

  /** {@code a - b} for money, exact: typed {@code decimal(38,12)}. */
  public static Column minus(Column a, Column b) {
    return a.cast(MONEY_OPERAND).minus(b.cast(MONEY_OPERAND)).cast(MONEY);
  }

  /** {@code a + b} for money, exact: typed {@code decimal(38,12)}. */
  public static Column plus(Column a, Column b) {
    return a.cast(MONEY_OPERAND).plus(b.cast(MONEY_OPERAND)).cast(MONEY);
  }

  /**
   * Casts a value to money, {@code decimal(38,12)} (exact for any value with at most 12 decimals).
   */
  public static Column money(Column a) {
    return a.cast(MONEY);
  }

  /**
   * Casts a value to a fraction, {@code decimal(38,18)} (exact for any value with at most 18
   * decimals).
   */
  public static Column fraction(Column a) {
    return a.cast(FRACTION);
  }
}
