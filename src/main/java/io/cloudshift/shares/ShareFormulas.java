package io.cloudshift.shares;

import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import io.cloudshift.schema.ExactDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The share formulas of docs/methodology.md#concentration, each in one place: share, spend-weighted
 * share, HHI, effective number of providers and the change in percentage points.
 *
 * <p>Why not plain {@code /}: Spark types {@code decimal(38,12) / decimal(38,12)} as {@code
 * decimal(38,6)} (precision loss), which would round every share to 6 digits and break "shares sum
 * to 1". Ratios and squares are therefore computed exactly with {@link BigDecimal} (HALF_EVEN at
 * {@link #SCALE} digits) in tiny deterministic functions (a subtraction of two {@code
 * decimal(38,18)} loses a digit too, hence Δ pp); the gold tables they feed are small (lab ×
 * provider × stream × month).
 */
public final class ShareFormulas {
  /** Digits after the point of every share (the gold tables' {@code decimal(38,18)}). */
  public static final int SCALE = ExactDecimal.FRACTION.scale();

  public static final DecimalType FRACTION = ExactDecimal.FRACTION;

  /** HHI points and effective provider counts. */
  public static final DecimalType INDEX = DataTypes.createDecimalType(38, 12);

  /** Percentage points: a difference of two shares × 100, exact. */
  public static final DecimalType PP = DataTypes.createDecimalType(38, SCALE - 2);

  private static final BigDecimal HHI_POINTS = new BigDecimal("10000");

  /**
   * Shares of magnitude 10^9 or more are null: they arise only when credits net T to almost nothing
   * while single providers bill a lot, where no share means anything; the bound also keeps s² × 10
   * 000 within the HHI's decimal(38,12).
   */
  private static final BigDecimal SHARE_LIMIT = BigDecimal.TEN.pow(9);

  private static final UserDefinedFunction RATIO =
      udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) ShareFormulas::ratio, FRACTION);
  private static final UserDefinedFunction HHI_TERM =
      udf((UDF1<BigDecimal, BigDecimal>) ShareFormulas::hhiTerm, INDEX);
  private static final UserDefinedFunction DELTA_PP =
      udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) ShareFormulas::pp, PP);
  private static final UserDefinedFunction EFFECTIVE =
      udf((UDF1<BigDecimal, BigDecimal>) ShareFormulas::effective, INDEX);

  private ShareFormulas() {}

  /**
   * docs/methodology.md#revenue-and-shares: s = R / T, null when T ≤ 0 (credits can make a total
   * negative), never NaN or a division error. Also used for any part / whole of the same kind (a
   * lab's part of a provider's AI revenue). Null when R or T is null, or when |s| ≥ 10^9 (see
   * {@link #SHARE_LIMIT}).
   */
  public static Column share(Column part, Column total) {
    return RATIO.apply(part, total);
  }

  /**
   * docs/methodology.md#share-shift Share shift": the spend-weighted share over a window of months
   * = Σ R / Σ T, null when Σ T ≤ 0 (or when the window has no month: the sums are null). Pass the
   * window sums.
   */
  public static Column spendWeightedShare(Column revenueSum, Column totalSum) {
    return share(revenueSum, totalSum);
  }

  /**
   * docs/methodology.md#concentration: HHI = Σ_P s² × 10 000, an aggregate over the provider shares
   * of one lab, stream and month. Every share counts (docs/methodology.md#concentration): a
   * negative share (a provider whose credits exceed its charges while T > 0) adds its square too,
   * so HHI can exceed 10 000 then. Null when the shares are null (T ≤ 0).
   */
  public static Column hhi(Column share) {
    return sum(HHI_TERM.apply(share));
  }

  /**
   * docs/methodology.md#concentration: effective number of providers = 10 000 / HHI; null when HHI
   * is null or ≤ 0.
   */
  public static Column effectiveProviders(Column hhi) {
    return EFFECTIVE.apply(hhi);
  }

  /**
   * docs/methodology.md#revenue-and-shares Share shift": Δ = (s_post − s_pre) × 100, in percentage
   * points; null when either is null.
   */
  public static Column deltaPp(Column sharePost, Column sharePre) {
    return DELTA_PP.apply(sharePost.cast(FRACTION), sharePre.cast(FRACTION));
  }

  static BigDecimal ratio(BigDecimal part, BigDecimal total) {
    if (part == null || total == null || total.signum() <= 0) {
      return null;
    }
    BigDecimal s = part.divide(total, SCALE, RoundingMode.HALF_EVEN);
    return s.abs().compareTo(SHARE_LIMIT) >= 0 ? null : s;
  }

  static BigDecimal pp(BigDecimal post, BigDecimal pre) {
    if (post == null || pre == null) {
      return null;
    }
    BigDecimal pp =
        post.subtract(pre).movePointRight(2).setScale(PP.scale(), RoundingMode.HALF_EVEN);
    return pp.precision() > PP.precision() ? null : pp;
  }

  static BigDecimal hhiTerm(BigDecimal share) {
    if (share == null) {
      return null;
    }
    return share
        .multiply(share, MathContext.UNLIMITED)
        .multiply(HHI_POINTS)
        .setScale(INDEX.scale(), RoundingMode.HALF_EVEN);
  }

  static BigDecimal effective(BigDecimal hhi) {
    if (hhi == null || hhi.signum() <= 0) {
      return null;
    }
    return HHI_POINTS.divide(hhi, INDEX.scale(), RoundingMode.HALF_EVEN);
  }
}
